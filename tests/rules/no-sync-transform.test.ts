import noSyncTransform from '../../rules/no-sync-transform.js';
import { createRuleTester } from '../rule-tester.js';

// CPU-heavy transforms (issue 14). Which async forms free the loop was measured (docs/rules/no-sync-transform.md):
// esbuild's and sass-embedded's do, Babel's `transformAsync`, sass's `compileAsync` and terser's `minify` do not.

createRuleTester().run('no-sync-transform', noSyncTransform, {
  valid: [
    {
      name: 'compiling at start-up',
      code: `import pug from 'pug';
import { transformSync } from '@babel/core';
export const page = pug.compileFile('views/page.pug');
export const runtime = transformSync('const a = 1', { configFile: false })!.code;`,
    },
    {
      name: 'esbuild and sass-embedded async forms',
      code: `import * as esbuild from 'esbuild';
import * as sass from 'sass-embedded';
export async function build(code: string, scss: string) {
  return [await esbuild.transform(code), await sass.compileStringAsync(scss)];
}`,
    },
    {
      name: 'a precompiled pug template called per request',
      code: `import pug from 'pug';
const page = pug.compileFile('views/page.pug');
export async function render(user: string) {
  return page({ user });
}`,
    },
    {
      name: 'babel transform with a callback runs the callback API',
      code: `import * as babel from '@babel/core';
export async function compile(code: string) {
  return new Promise((resolve) => babel.transform(code, {}, (err, result) => resolve(result)));
}`,
    },
  ],
  invalid: [
    {
      name: 'esbuild sync forms -> the service-process twins',
      code: `import * as esbuild from 'esbuild';
import { buildSync } from 'esbuild';
export async function bundle(code: string) {
  const out = esbuild.transformSync(code, { minify: true }).code;
  const result = buildSync({ entryPoints: ['a.ts'], write: false });
  return [out, result];
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import * as esbuild from 'esbuild';
import { buildSync } from 'esbuild';
export async function bundle(code: string) {
  const out = (await esbuild.transform(code, { minify: true })).code;
  const result = buildSync({ entryPoints: ['a.ts'], write: false });
  return [out, result];
}`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 5,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import * as esbuild from 'esbuild';
import { buildSync } from 'esbuild';
export async function bundle(code: string) {
  const out = esbuild.transformSync(code, { minify: true }).code;
  const result = await esbuild.build({ entryPoints: ['a.ts'], write: false });
  return [out, result];
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'sass-embedded compile -> compileAsync; node-sass renderSync -> promisify(render) on the module object',
      code: `const sass = require('sass-embedded');
const nodeSass = require('node-sass');
module.exports = async function styles(file) {
  const modern = sass.compile(file);
  const legacy = nodeSass.renderSync({ file });
  return [modern.css, legacy.css];
};`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const sass = require('sass-embedded');
const nodeSass = require('node-sass');
module.exports = async function styles(file) {
  const modern = await sass.compileAsync(file);
  const legacy = nodeSass.renderSync({ file });
  return [modern.css, legacy.css];
};`,
            },
          ],
        },
        {
          messageId: 'blocking',
          line: 5,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const sass = require('sass-embedded');
const nodeSass = require('node-sass');
const { promisify } = require('node:util');
module.exports = async function styles(file) {
  const modern = sass.compile(file);
  const legacy = await promisify(nodeSass.render)({ file });
  return [modern.css, legacy.css];
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'async-looking forms that still compile on the event loop: advice only',
      code: `import { transformAsync } from '@babel/core';
import * as sass from 'sass';
import { minify } from 'terser';
export async function assets(code: string, scss: string) {
  const js = await transformAsync(code, { presets: [] });
  const css = await sass.compileStringAsync(scss);
  const min = await minify(js!.code!);
  return { css, min };
}`,
      errors: [
        { messageId: 'blocking', line: 5, suggestions: [] },
        { messageId: 'blocking', line: 6, suggestions: [] },
        { messageId: 'blocking', line: 7, suggestions: [] },
      ],
    },
    {
      name: 'templates read and compiled per request (pug, nunjucks, its configured environment)',
      code: `import express from 'express';
import pug from 'pug';
import nunjucks from 'nunjucks';
const env = nunjucks.configure('views', { autoescape: true });
const app = express();
app.get('/a', (req, res) => res.send(pug.renderFile('views/a.pug', { user: req.user })));
app.get('/b', (req, res) => res.send(nunjucks.render('b.njk', { user: req.user })));
app.get('/c', (req, res) => res.send(env.render('c.njk', {})));`,
      errors: [
        { messageId: 'blocking', line: 6, suggestions: [] },
        { messageId: 'blocking', line: 7, suggestions: [] },
        { messageId: 'blocking', line: 8, suggestions: [] },
      ],
    },
    {
      name: 'SheetJS parses and writes on the event loop',
      code: `import * as XLSX from 'xlsx';
export async function importSheet(buffer: Buffer) {
  const wb = XLSX.read(buffer, { type: 'buffer' });
  XLSX.writeFile(wb, 'copy.xlsx');
  return XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]!]!);
}`,
      errors: [
        { messageId: 'blocking', line: 3, suggestions: [] },
        { messageId: 'blocking', line: 4, suggestions: [] },
      ],
    },
    {
      name: 'Babel 7 transform without a callback is sync',
      code: `const babel = require('@babel/core');
exports.compile = async (code) => babel.transform(code, { presets: [] }).code;`,
      errors: [{ messageId: 'blocking', line: 2, suggestions: [] }],
    },
  ],
});
