import { createBlockingCallRule } from '../src/blocking-call-rule.js';

export default createBlockingCallRule({
  name: 'no-sync-zlib',
  family: 'zlib',
  description: 'Disallow synchronous zlib compression and decompression in async functions and route handlers',
});
