// Context evaluation against a labelled corpus (labels.jsonl + src/<owner>__<name>/): for each labelled
// call site, which context the engine gives with each option set. Usage: npm run build; PLUGIN_ROOT=$PWD node scripts/corpus-context-eval.mjs /work/corpus
// Writes /tmp/context-eval-results.json; prints counts per label group and context kind.
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import fs from 'node:fs';
import path from 'node:path';
const root = process.env.PLUGIN_ROOT ?? new URL('..', import.meta.url).pathname;
const { getFileAnalysis } = await import(root + '/dist/src/analysis/file-analysis.js');
const corpus = process.argv[2] ?? '/work/corpus';
const labels = fs.readFileSync(path.join(corpus, 'labels.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const byFile = new Map();
for (const l of labels) {
  const key = `${l.repo.replace('/', '__')}/${l.path}`;
  if (!byFile.has(key)) byFile.set(key, []);
  byFile.get(key).push(l);
}
const combos = { all: { asyncFunctions: true, routeHandlers: true, requestShapedParameters: true }, noHeur: { asyncFunctions: true, routeHandlers: true, requestShapedParameters: false }, asyncOnly: { asyncFunctions: true, routeHandlers: false, requestShapedParameters: false } };
const results = [];
let current;
const probe = {
  meta: { schema: [] },
  create(context) {
    return {
      Program() {
        const analysis = getFileAnalysis(context);
        const sc = context.sourceCode;
        for (const l of current) {
          let index;
          try { index = sc.getIndexFromLoc({ line: l.line, column: l.column - 1 }); } catch { results.push({ l, error: 'loc' }); continue; }
          let node = sc.getNodeByRangeIndex(index);
          if (!node) { results.push({ l, error: 'node' }); continue; }
          const out = { l };
          for (const [k, o] of Object.entries(combos)) {
            const c = analysis.contextFor(o).contextOf(node);
            out[k] = c ? `${c.kind}: ${c.description}` : null;
          }
          results.push(out);
        }
      },
    };
  },
};
const linter = new Linter({ cwd: path.join(corpus, 'src') });
let crashes = 0;
for (const [key, ls] of byFile) {
  const file = path.join(corpus, 'src', key);
  if (!/\.[cm]?[jt]sx?$/.test(file) || !fs.existsSync(file)) { for (const l of ls) results.push({ l, error: 'nofile' }); continue; }
  current = ls;
  const code = fs.readFileSync(file, 'utf8');
  const msgs = linter.verify(code, [{ files: ['**/*.js','**/*.ts','**/*.tsx','**/*.jsx','**/*.mjs','**/*.cjs','**/*.mts','**/*.cts'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } }, plugins: { p: { rules: { probe } } }, rules: { 'p/probe': 'error' } }], { filename: file });
  for (const m of msgs) if (m.fatal || !m.ruleId) { crashes++; if (!m.message.includes('Parsing')) console.error(key, m.message); for (const l of ls) results.push({ l, error: 'parse' }); }
}
fs.writeFileSync('/tmp/context-eval-results.json', JSON.stringify(results, null, 1));
const summary = {};
const isTest = (l) => l.reason === 'test code' || l.reason === 'test helper';
for (const r of results) {
  if (r.error) { summary.errors = (summary.errors ?? 0) + 1; continue; }
  const l = r.l;
  if (l.label !== 'serving' && l.label !== 'startup') continue;
  const group = l.label === 'serving' ? `serving${l.direct ? '-direct' : '-indirect'}` : isTest(l) ? 'startup-test' : 'startup-other';
  for (const k of Object.keys(combos)) {
    const kind = r[k] === null ? 'none' : r[k].startsWith('route-handler') ? (r[k].includes('by its parameters') ? 'heuristic' : 'handler') : 'async';
    summary[`${group} ${k}`] ??= {};
    summary[`${group} ${k}`][kind] = (summary[`${group} ${k}`][kind] ?? 0) + 1;
  }
}
console.log(JSON.stringify(summary, null, 1));
console.log('parse failures', crashes);
