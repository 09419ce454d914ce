import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from './dist/src/index.js';
const [dir, ...targets] = process.argv.slice(2);
const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } }, plugin.configs.recommended], ignore: false });
const results = await eslint.lintFiles(targets.length ? targets : ['.']);
let n = 0;
for (const r of results) for (const m of r.messages) { n++; if (process.env.SHOW) console.log(r.filePath.replace(dir + '/', '') + ':' + m.line, m.ruleId, m.message.slice(0, 150)); }
console.log(results.length, 'files', n, 'messages');
