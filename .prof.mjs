import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from './dist/src/index.js';
const [cwd, target, crossFile] = process.argv.slice(2);
const config = [{ linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } }, { files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx,jsx}'], languageOptions: { parser: tsParser } }, plugin.configs.recommended, { settings: { 'event-loop': { crossFile: crossFile !== 'off' } } }];
const t = performance.now();
const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, ignore: false });
const results = await eslint.lintFiles([target]);
const u = process.cpuUsage(); console.log('cpu', Math.round((u.user+u.system)/1000), crossFile, results.length, 'files', Math.round(performance.now() - t), 'ms', results.reduce((s, r) => s + r.messages.length, 0), 'reports');
