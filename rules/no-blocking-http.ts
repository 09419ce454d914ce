import { createBlockingCallRule } from '../src/blocking-call-rule.js';

export default createBlockingCallRule({
  name: 'no-blocking-http',
  family: 'http',
  description: 'Disallow synchronous (blocking) HTTP requests in async functions and route handlers',
});
