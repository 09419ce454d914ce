import type { EntrySpec, ModuleSpec } from './types.js';

// CPU-heavy transforms servers run per request: compilers and bundlers (Babel, esbuild, Sass,
// Terser, UglifyJS), template engines that read and compile files (pug, nunjucks) and spreadsheet
// parsers (SheetJS). Reported by `no-sync-transform`. What blocks was measured, not read off the
// names (Node 20, see docs/catalog.md): an API whose async form still runs the work on the event
// loop (`@babel/core` `transformAsync`, `sass` `compileAsync`, `terser` `minify`) is listed too,
// with advice instead of a twin, because awaiting it frees nothing.

const advice = (path: string, text: string, when?: EntrySpec['when']): EntrySpec => ({ path, twin: null, advice: text, ...(when ? { when } : {}) });

/** `fooSync(…)` -> `await pkg.foo(…)`: a promise twin that really runs elsewhere (esbuild's service process). */
const twin = (module: string, sync: string, name: string): EntrySpec => ({ path: sync, twin: { module, name, member: [name], label: `${module}.${name}` } });

const BABEL_ADVICE =
  'Compile at build time, or run Babel in a worker pool (see docs/worker-pool.md); `transformAsync` runs the same transform on the event loop and only loads config asynchronously.';
const babel: ModuleSpec = {
  module: '@babel/core',
  family: 'transform',
  builtin: false,
  entries: [
    ...['transformSync', 'transformFileSync', 'transformFromAstSync', 'parseSync'].map((path) => advice(path, BABEL_ADVICE)),
    // Babel 7: without a callback `transform`, `transformFromAst` and `parse` run synchronously.
    ...['transform', 'transformFromAst', 'parse'].map((path) => advice(path, BABEL_ADVICE, { withoutCallback: true })),
    // Measured: `transformAsync` of a 530 kB file blocked the loop 1.1 s in one stretch (`transformSync` 1.9 s).
    ...['transformAsync', 'transformFileAsync', 'transformFromAstAsync', 'parseAsync'].map((path) => advice(path, BABEL_ADVICE)),
  ],
};

// esbuild's async API talks to its service process: `transform` of the same file left gaps of at most
// 12 ms where `transformSync` blocked 218 ms; `build` 5 ms against `buildSync`'s 139 ms. Same results.
const esbuild: ModuleSpec = {
  module: 'esbuild',
  family: 'transform',
  builtin: false,
  entries: [
    twin('esbuild', 'buildSync', 'build'),
    twin('esbuild', 'transformSync', 'transform'),
    twin('esbuild', 'formatMessagesSync', 'formatMessages'),
    twin('esbuild', 'analyzeMetafileSync', 'analyzeMetafile'),
  ],
};

const SASS_ADVICE =
  'Compile stylesheets at build time, or switch to `sass-embedded` (same API) and await `compileAsync`/`compileStringAsync`, which compile in a separate process; in `sass` the async forms still compile on the event loop.';
// `sass` is Dart Sass compiled to JavaScript: `compileStringAsync` of a 3,000-rule sheet blocked the
// loop 1.5 s in one stretch (`compileString` 1.9 s); `sass-embedded`'s took 15 ms at most.
const sass: ModuleSpec = {
  module: 'sass',
  family: 'transform',
  builtin: false,
  entries: ['compile', 'compileString', 'compileAsync', 'compileStringAsync', 'renderSync', 'render'].map((path) => advice(path, SASS_ADVICE)),
};
const sassEmbedded: ModuleSpec = {
  module: 'sass-embedded',
  family: 'transform',
  builtin: false,
  entries: [
    twin('sass-embedded', 'compile', 'compileAsync'),
    twin('sass-embedded', 'compileString', 'compileStringAsync'),
    advice('renderSync', 'Use `await compileAsync(path)` (the modern API); the legacy `renderSync` compiles synchronously.'),
  ],
};
// node-sass (LibSass, deprecated): `render` runs on libuv's thread pool and calls back with the same result.
const nodeSass: ModuleSpec = {
  module: 'node-sass',
  family: 'transform',
  builtin: false,
  entries: [{ path: 'renderSync', twin: { module: 'node-sass', name: 'render', member: ['render'], promisify: true, memberOnly: true, label: 'promisify(sass.render)' } }],
};

const MINIFY_ADVICE = 'Minify at build time, or run the minifier in a worker pool (see docs/worker-pool.md); it is pure JavaScript on the event loop.';
// terser 5's `minify` returns a promise but minifies on the event loop (measured: 2.6 s in one stretch).
const terser: ModuleSpec = { module: 'terser', family: 'transform', builtin: false, entries: [advice('minify', MINIFY_ADVICE), advice('minify_sync', MINIFY_ADVICE)] };
const uglify: ModuleSpec = { module: 'uglify-js', family: 'transform', builtin: false, entries: [advice('minify', MINIFY_ADVICE)] };

const PUG_ADVICE =
  'Compile the template once at start-up (`const render = pug.compileFile(path)` at module level) and call `render(locals)` per request; `renderFile` reads and compiles the file synchronously on every call without `cache: true`, even with a callback.';
const pug: ModuleSpec = {
  module: 'pug',
  family: 'transform',
  builtin: false,
  entries: ['renderFile', 'compileFile', 'render', 'compile', 'compileClient', 'compileFileClient'].map((path) => advice(path, PUG_ADVICE)),
};

const NUNJUCKS_ADVICE =
  'Load and compile the templates at start-up (`env.getTemplate(name, true)` for each, or `nunjucks precompile`); the default `FileSystemLoader` reads templates with sync fs calls, even when `render` gets a callback, and again on every render with `noCache` or `watch`.';
// `nunjucks.render` and `env.render` use the environment's loaders; `renderString` compiles its source each call.
const NUNJUCKS_RENDER = ['render', 'renderString'];
const nunjucks: ModuleSpec = {
  module: 'nunjucks',
  family: 'transform',
  builtin: false,
  entries: [
    ...NUNJUCKS_RENDER.map((path) => advice(path, NUNJUCKS_ADVICE)),
    ...NUNJUCKS_RENDER.map((method) => ({ ...advice(method, NUNJUCKS_ADVICE), path: ['Environment', 'new()', method], api: `nunjucks Environment#${method}` })),
  ],
  // `nunjucks.configure(…)` returns the default Environment.
  aliases: [{ path: ['configure', '()'], target: ['Environment', 'new()'] }],
};

const XLSX_ADVICE =
  'Parse and write workbooks in a worker pool (see docs/worker-pool.md), reading the file with `fs.promises.readFile` and passing the buffer; SheetJS parses and serialises on the event loop (`writeFileAsync` too).';
// SheetJS: reading a 20,000-row sheet took 340 ms of parsing (the file read 0.6 ms); writing it 183 ms.
const XLSX_APIS = ['readFile', 'readFileSync', 'read', 'writeFile', 'writeFileSync', 'writeFileXLSX', 'writeFileAsync', 'write', 'writeXLSX'];
const xlsx: ModuleSpec = { module: 'xlsx', family: 'transform', builtin: false, entries: XLSX_APIS.map((path) => advice(path, XLSX_ADVICE)) };

export const transformSpecs: readonly ModuleSpec[] = [babel, esbuild, sass, sassEmbedded, nodeSass, terser, uglify, pug, nunjucks, xlsx];
