// How the project model scales with a project's size: generated Express projects of N files
// (routes -> services -> stores that block, start-up code, CLI tools, tests), linted with the
// parse-only floor and with `event-loop/recommended`, each in a fresh process.
//
//   node scripts/project-scaling.mjs [--sizes 1000,5000,20000] [--json out.json] [--keep]
//
// --keep leaves the generated projects in the temporary folder (their paths are printed), for profiling.
//
// Prints, per size: the first lint of one route file and of one store file (the editor's first
// look: forward and reverse questions on a cold process), and a whole-project run against the floor.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

/** One module group: a route file, its service, its store; 1 in 10 groups also has a CLI and a test. */
function writeProject(directory, files) {
  mkdirSync(path.join(directory, 'src/routes'), { recursive: true });
  mkdirSync(path.join(directory, 'src/services'), { recursive: true });
  mkdirSync(path.join(directory, 'src/stores'), { recursive: true });
  mkdirSync(path.join(directory, 'bin'), { recursive: true });
  mkdirSync(path.join(directory, 'test'), { recursive: true });
  writeFileSync(path.join(directory, 'package.json'), JSON.stringify({ name: 'generated', private: true, type: 'commonjs' }));
  const groups = Math.max(1, Math.floor(files / 3.2));
  const routeNames = [];
  for (let index = 0; index < groups; index++) {
    const name = `m${index}`;
    routeNames.push(name);
    writeFileSync(
      path.join(directory, `src/stores/${name}.js`),
      `const fs = require('fs');\nconst path = require('path');\n\nclass Store${index} {\n  constructor(dir) { this.dir = dir; }\n  load(id) { return JSON.parse(fs.readFileSync(path.join(this.dir, id + '.json'), 'utf8')); }\n  save(id, value) { fs.writeFileSync(path.join(this.dir, id + '.json'), JSON.stringify(value)); }\n  list() { return [${'1, 2, 3'}].map((n) => n * ${index}); }\n}\n\nasync function migrate${index}() {\n  fs.mkdirSync('/data/${name}', { recursive: true });\n}\n\nmodule.exports = { Store${index}, migrate${index} };\n`,
    );
    const other = index > 0 ? `m${index - 1}` : null;
    writeFileSync(
      path.join(directory, `src/services/${name}.js`),
      `const { Store${index} } = require('../stores/${name}');\n${other ? `const previous = require('./${other}');\n` : ''}\nconst store = new Store${index}('/data/${name}');\n\nfunction find(id) {\n  return store.load(id);\n}\n\nfunction update(id, value) {\n  ${other ? 'previous.count(id);\n  ' : ''}store.save(id, value);\n  return value;\n}\n\nfunction count(id) {\n  return String(id).length;\n}\n\nmodule.exports = { find, update, count };\n`,
    );
    writeFileSync(
      path.join(directory, `src/routes/${name}.js`),
      `const express = require('express');\nconst service = require('../services/${name}');\n\nconst router = express.Router();\n\nrouter.get('/${name}/:id', (req, res) => {\n  res.json(service.find(req.params.id));\n});\n\nrouter.put('/${name}/:id', async (req, res) => {\n  res.json(service.update(req.params.id, req.body));\n});\n\nmodule.exports = router;\n`,
    );
    if (index % 10 === 0) {
      writeFileSync(
        path.join(directory, `bin/${name}.js`),
        `#!/usr/bin/env node\nconst { program } = require('commander');\nconst { migrate${index} } = require('../src/stores/${name}');\nprogram.action(async () => { await migrate${index}(); });\nprogram.parse();\n`,
      );
      writeFileSync(path.join(directory, `test/${name}.test.js`), `const service = require('../src/services/${name}');\ntest('find', () => { service.find('1'); });\n`);
    }
  }
  writeFileSync(
    path.join(directory, 'src/app.js'),
    `const express = require('express');\nconst app = express();\n${routeNames.map((name) => `app.use(require('./routes/${name}'));`).join('\n')}\nmodule.exports = app;\n`,
  );
  writeFileSync(path.join(directory, 'src/server.js'), `const app = require('./app');\n\nasync function main() {\n  app.listen(3000);\n}\n\nmain();\n`);
  return { groups, files: groups * 3 + Math.ceil(groups / 10) * 2 + 3 };
}

const CHILD = `
const [cwd, mode, ...targets] = process.argv.slice(1);
const { ESLint } = await import('eslint');
const { default: plugin } = await import(${JSON.stringify(path.join(ROOT, 'dist/src/index.js'))});
const base = { linterOptions: { reportUnusedDisableDirectives: 'off' } };
const config = mode === 'floor' ? [base] : [base, plugin.configs.recommended];
const started = performance.now();
const cpu = process.cpuUsage();
const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
const results = await eslint.lintFiles(targets);
const used = process.cpuUsage(cpu);
const reports = results.reduce((sum, result) => sum + result.messages.length, 0);
console.log(JSON.stringify({ wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, rssMb: process.memoryUsage().rss / 2 ** 20, reports, files: results.length }));
`;

function run(cwd, mode, targets) {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, cwd, mode, ...targets], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

const sizes = option('--sizes', '1000,5000,20000').split(',').map(Number);
const rows = [];
for (const size of sizes) {
  const directory = mkdtempSync(path.join(os.tmpdir(), `event-loop-scaling-${size}-`));
  try {
    const { files } = writeProject(directory, size);
    const middle = `m${Math.floor(size / 6.4)}`;
    const firstRoute = run(directory, 'plugin', [`src/routes/${middle}.js`]);
    const firstStore = run(directory, 'plugin', [`src/stores/${middle}.js`]);
    const floor = run(directory, 'floor', ['.']);
    const whole = run(directory, 'plugin', ['.']);
    rows.push({ size, files, firstRoute, firstStore, floor, whole });
    console.error(
      `${files} files: first lint of a route ${Math.round(firstRoute.wallMs)} ms, of a store ${Math.round(firstStore.wallMs)} ms (${firstStore.reports} reports); ` +
        `whole project ${Math.round(whole.wallMs)} ms vs floor ${Math.round(floor.wallMs)} ms (${(whole.wallMs / floor.wallMs).toFixed(2)}x wall, ${(whole.cpuMs / floor.cpuMs).toFixed(2)}x CPU, RSS ${Math.round(whole.rssMb)} vs ${Math.round(floor.rssMb)} MB), ${whole.reports} reports`,
    );
  } finally {
    if (args.includes('--keep')) console.error(`kept ${directory}`);
    else rmSync(directory, { recursive: true, force: true });
  }
}
const json = option('--json', null);
if (json) writeFileSync(json, JSON.stringify(rows, null, 2));
console.log('| files | first lint: a route | first lint: a store (reverse) | whole project / floor (wall) | CPU | peak RSS | reports |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.files} | ${Math.round(row.firstRoute.wallMs)} ms | ${Math.round(row.firstStore.wallMs)} ms | ${Math.round(row.whole.wallMs)} / ${Math.round(row.floor.wallMs)} ms = ${(row.whole.wallMs / row.floor.wallMs).toFixed(2)}x | ${(row.whole.cpuMs / row.floor.cpuMs).toFixed(2)}x | ${Math.round(row.whole.rssMb)} / ${Math.round(row.floor.rssMb)} MB | ${row.whole.reports} |`,
  );
}
