import { ESLint } from 'eslint';
import plugin from './dist/src/index.js';
import { getFileAnalysis } from './dist/src/analysis/file-analysis.js';
const dir = '/work/corpus3/src/IrosTheBeggar__mStream';
const probe = { rules: { p: { create(ctx) { return { 'Program:exit'() { const a = getFileAnalysis(ctx); console.log('role', a.role, a.ownRole, 'uses', a.uses.length, 'hits', a.projectHits.length); const u = a.uses[0]; if (u) console.log('ctx', a.context.contextOf(u.reference)); } }; } } } };
const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended, { plugins: { probe }, rules: { 'probe/p': 'error' } }], ignore: false });
const results = await eslint.lintFiles(['src/api/db.js']);
console.log(results[0].messages.slice(0,3));
