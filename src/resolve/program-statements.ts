import type { TSESTree } from '@typescript-eslint/utils';

// The module-level statements of a file. For JavaScript and TypeScript that is `Program.body`.
// svelte-eslint-parser hands over a Program whose body holds the component's markup nodes and one
// `SvelteScriptElement` per `<script>` block, with the script's own statements (its imports
// included) in that element's `body`: those are the module-level statements here. (vue-eslint-parser
// and astro-eslint-parser already put the script's statements in `Program.body`.)

type Statement = TSESTree.ProgramStatement;

const cache = new WeakMap<TSESTree.Program, readonly Statement[]>();

export function programStatements(program: TSESTree.Program): readonly Statement[] {
  const body = program.body as readonly (Statement | { type: string; body?: unknown })[];
  if (!body.some((node) => node.type === 'SvelteScriptElement')) return program.body;
  let statements = cache.get(program);
  if (!statements) {
    const flat: Statement[] = [];
    for (const node of body) {
      if (node.type === 'SvelteScriptElement') flat.push(...((node.body as Statement[] | undefined) ?? []));
      else if (!node.type.startsWith('Svelte')) flat.push(node as Statement);
    }
    statements = flat;
    cache.set(program, statements);
  }
  return statements;
}
