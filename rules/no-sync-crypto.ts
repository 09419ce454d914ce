import { createBlockingCallRule } from '../src/blocking-call-rule.js';

export default createBlockingCallRule({
  name: 'no-sync-crypto',
  family: 'crypto',
  description: 'Disallow CPU-heavy synchronous crypto (key derivation, password hashing, key generation) in async functions and route handlers',
});
