import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { analyze, type ScopeManager } from '@typescript-eslint/scope-manager';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { parseSync } from 'oxc-parser';

type Node = TSESTree.Node;

/**
 * The part of ESLint's `SourceCode` the per-file analysis reads (text, AST with parents and
 * locations, scopes, visitor keys). Files of the project that are not being linted get one from
 * oxc-parser and typescript-eslint's scope manager, so the same analysis runs on them.
 */
export type ProjectSourceCode = Readonly<TSESLint.SourceCode>;

const LANGUAGES: Readonly<Record<string, 'js' | 'jsx' | 'ts' | 'tsx'>> = {
  '.js': 'jsx',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
};

/** Whether the project model reads files with this extension (JavaScript and TypeScript sources, not declarations). */
export function isSourceFile(filename: string): boolean {
  if (/\.d\.[cm]?ts$/.test(filename)) return false;
  const dot = filename.lastIndexOf('.');
  return dot >= 0 && filename.slice(dot) in LANGUAGES;
}

/**
 * Parses a file of the project into a `SourceCode`-like object, or `null` when it does not parse
 * (the file then contributes nothing across files: callers keep their per-file answer).
 */
export const parseCounts = { files: 0, bytes: 0 };

export function parseProjectFile(filename: string, text: string): ProjectSourceCode | null {
  parseCounts.files++;
  parseCounts.bytes += text.length;
  const dot = filename.lastIndexOf('.');
  const lang = LANGUAGES[filename.slice(dot)];
  if (!lang) return null;
  let program: TSESTree.Program;
  try {
    const sourceType = filename.endsWith('.cjs') || filename.endsWith('.cts') ? 'commonjs' : filename.endsWith('.mjs') || filename.endsWith('.mts') ? 'module' : 'unambiguous';
    const result = parseSync(filename, text, { lang, sourceType, astType: 'ts', range: true, preserveParens: false });
    if (result.errors.some((error) => error.severity === 'Error')) return null;
    program = result.program as unknown as TSESTree.Program;
    (program as { comments?: unknown }).comments = result.comments;
  } catch {
    return null;
  }
  addParentsAndLocations(program, text);
  // No lib: globals stay unresolved references (`globalScope.through`), where the trace looks for them.
  let scopeManager: ScopeManager;
  try {
    const isModule = program.sourceType === 'module';
    scopeManager = analyze(program, { sourceType: isModule ? 'module' : 'script', globalReturn: !isModule, lib: [], childVisitorKeys: visitorKeys });
  } catch {
    return null;
  }
  return createSourceCode(program, text, scopeManager);
}

/** Sets `parent`, `loc` (from a table of line starts) and keeps `range` on every node. */
function addParentsAndLocations(program: TSESTree.Program, text: string): void {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const position = (offset: number): TSESTree.Position => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! };
  };
  const visit = (node: Node, parent: Node | undefined) => {
    (node as { parent?: Node }).parent = parent;
    (node as { loc: TSESTree.SourceLocation }).loc = { start: position(node.range[0]), end: position(node.range[1]) };
    const keys = visitorKeys[node.type] ?? [];
    for (const key of keys) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child === 'object' && 'type' in child) visit(child as Node, node);
      } else if (value && typeof value === 'object' && 'type' in value) {
        visit(value as Node, node);
      }
    }
  };
  visit(program, undefined);
}

function createSourceCode(program: TSESTree.Program, text: string, scopeManager: ScopeManager): ProjectSourceCode {
  const getScope = (node: Node) => {
    // As ESLint's `SourceCode#getScope`: the innermost scope whose block is `node` or an ancestor.
    const inner = node.type !== 'Program';
    for (let current: Node | undefined = node; current; current = current.parent) {
      const scope = scopeManager.acquire(current, inner);
      if (scope) return scope.type === 'function-expression-name' ? scope.childScopes[0]! : scope;
    }
    return scopeManager.scopes[0]!;
  };
  const getNodeByRangeIndex = (index: number): Node | null => {
    let found: Node | null = null;
    const visit = (node: Node) => {
      if (node.range[0] > index || node.range[1] <= index) return;
      found = node;
      for (const key of visitorKeys[node.type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
          for (const child of value) if (child && typeof child === 'object' && 'type' in child) visit(child as Node);
        } else if (value && typeof value === 'object' && 'type' in value) visit(value as Node);
      }
    };
    visit(program);
    return found;
  };
  const sourceCode = {
    text,
    ast: program,
    scopeManager,
    visitorKeys,
    parserServices: {},
    getText: (node?: Node) => (node ? text.slice(node.range[0], node.range[1]) : text),
    getScope,
    getDeclaredVariables: (node: Node) => scopeManager.getDeclaredVariables(node),
    getNodeByRangeIndex,
  };
  return sourceCode as unknown as ProjectSourceCode;
}
