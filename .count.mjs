import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from './dist/src/index.js';
import { parseCounts } from './dist/src/project/parse.js';
const [cwd, target] = process.argv.slice(2);
const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.{js,ts}'], languageOptions: { parser: tsParser } }, plugin.configs.recommended], ignore: false });
const r = await eslint.lintFiles([target]);
const u = process.cpuUsage();
console.log(parseCounts, Math.round((u.user+u.system)/1000), 'ms cpu', r.length);
