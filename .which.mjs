import { ProjectFiles } from './dist/src/project/files.js';
import { ProjectView } from './dist/src/project/view.js';
import { extensionSettings } from './dist/src/settings.js';
import { FRAMEWORKS } from './dist/src/catalog/frameworks/index.js';
import { mayReachRoots } from './dist/src/resolve/trace.js';
import { CATALOG } from './dist/src/catalog/index.js';
import { globSync } from 'tinyglobby';
const root = process.argv[2];
const files = new ProjectFiles(root);
const all = globSync('src/**/*.ts', { cwd: root, absolute: true });
let n = 0; const hits = [];
for (const f of all) { const e = files.entry(f); if (e && mayReachRoots(e.text, CATALOG)) { n++; hits.push(f.replace(root, '')); } }
console.log(all.length, n, hits.slice(0, 20));
const view = new ProjectView(files, extensionSettings({}), [FRAMEWORKS], root);
for (const h of hits) {
  const t = view.exportTrie(root + h);
  const found = [];
  const seen = new Set();
  const visit = (node, path, depth) => { if (!node || seen.has(node) || depth > 4) return; seen.add(node);
    for (const p of node.calls) { if (p.kind === 'blocking') found.push(path + ' => ' + p.api); if (p.kind === 'project-function' && p.blockingPath({key:'',test:()=>true})) found.push(path + ' fn'); }
    for (const [k, c] of node.children) visit(c, path + '.' + k, depth + 1); visit(node.constructResult, path + '.new()', depth + 1); visit(node.callResult, path + '()', depth + 1); };
  visit(t, '', 0);
  console.log(h, found.slice(0, 5));
}
