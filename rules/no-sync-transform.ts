import { createBlockingCallRule } from '../src/blocking-call-rule.js';

export default createBlockingCallRule({
  name: 'no-sync-transform',
  family: 'transform',
  description: 'Disallow CPU-heavy synchronous compilers, bundlers, template engines and spreadsheet parsers (Babel, esbuild, Sass, pug, SheetJS) in async functions and route handlers',
});
