import type { TSESTree } from '@typescript-eslint/utils';
import { createTraceNode, type TraceNode } from '../catalog/define.js';
import type { TraceRoots } from '../resolve/trace.js';
import { traceFile } from '../resolve/trace.js';
import { createValueResolver } from '../analysis/function-summaries.js';
import { moduleExports } from './exports.js';
import { detached } from './files.js';
import type { ProjectSourceCode } from './parse.js';

type Node = TSESTree.Node;

/**
 * What importing a file gives in framework terms: the exports that hold framework values, as a trace
 * trie (`export const publicProcedure = t.procedure`, `export default app`, `module.exports = io`),
 * so an importer's `publicProcedure.query(fn)` or `io.on('connection', fn)` registers handlers as if
 * the value were made in its own file. `null` when no export holds one.
 */
export function frameworkExportTrie(sourceCode: ProjectSourceCode, roots: TraceRoots): TraceNode | null {
  const reached = new Map<Node, TraceNode>();
  traceFile(sourceCode, roots, undefined, undefined, (node, trace) => {
    if (!reached.has(node)) reached.set(node, trace);
  });
  if (reached.size === 0) return null;
  const exports = moduleExports(sourceCode, createValueResolver(sourceCode));
  const root = createTraceNode(true);
  let found = false;
  for (const { path, node } of exports.expressions) {
    const value = reached.get(node);
    if (!value) continue;
    found = true;
    if (path.length === 0) {
      // `module.exports = app`: the module object is the app.
      for (const [name, child] of value.children) if (!root.children.has(name)) root.children.set(name, child);
      root.callResult ??= value.callResult;
      root.constructResult ??= value.constructResult;
      root.anyMember ??= value.anyMember;
      for (const payload of value.calls) root.calls.push(payload);
      continue;
    }
    let parent = root;
    for (const segment of path.slice(0, -1)) {
      let child = parent.children.get(segment);
      if (!child) parent.children.set(detached(segment), (child = createTraceNode()));
      parent = child;
    }
    const last = path.at(-1)!;
    if (!parent.children.has(last)) parent.children.set(detached(last), value);
  }
  if (!found) return null;
  const esDefault = root.children.get('default');
  if (esDefault && !exports.commonJsDefault) root.esDefault = esDefault;
  else if (exports.commonJsDefault && !esDefault) root.children.set('default', root);
  return root;
}
