import { createIndirectBlockingRule } from '../src/indirect-blocking-rule.js';

export default createIndirectBlockingRule({
  name: 'no-indirect-blocking',
  description: 'Disallow calling sync helpers that block the event loop from async functions and route handlers',
});
