import { createBlockingCallRule } from '../src/blocking-call-rule.js';

export default createBlockingCallRule({
  name: 'no-sync-fs',
  family: 'fs',
  description: 'Disallow synchronous file-system calls in async functions and route handlers',
});
