import { createBlockingCallRule } from '../src/blocking-call-rule.js';

export default createBlockingCallRule({
  name: 'no-busy-wait',
  family: 'busy-wait',
  description: 'Disallow busy-wait sleeps (clock-spinning loops, blocking sleep calls) in async functions and route handlers',
});
