import { createBlockingCallRule } from '../src/blocking-call-rule.js';

export default createBlockingCallRule({
  name: 'no-sync-database',
  family: 'database',
  description: 'Disallow synchronous database drivers (better-sqlite3, node:sqlite, bun:sqlite) in async functions and route handlers',
});
