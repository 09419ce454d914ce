import { createBlockingCallRule } from '../src/blocking-call-rule.js';

export default createBlockingCallRule({
  name: 'no-sync-child-process',
  family: 'child-process',
  description: 'Disallow synchronous child processes in async functions and route handlers',
});
