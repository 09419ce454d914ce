import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { forEachChild } from '../resolve/ast.js';

type Node = TSESTree.Node;
type ScopeManager = NonNullable<TSESLint.SourceCode['scopeManager']>;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * The part of ESLint's `SourceCode` the per-file analysis reads (text, AST with parents and
 * locations, scopes, visitor keys). Files of the project that are not being linted get one from
 * the parsers the lint run already has: ESLint's own espree and eslint-scope for JavaScript, and
 * typescript-eslint's parser for TypeScript when the project has it. So the same analysis runs on
 * them, and the plugin adds no parser to anyone's node_modules.
 */
export type ProjectSourceCode = Readonly<TSESLint.SourceCode>;

const JAVASCRIPT = new Set(['.js', '.mjs', '.cjs', '.jsx']);
const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);

/** Whether the project model reads files with this extension (JavaScript and TypeScript sources, not declarations). */
export function isSourceFile(filename: string): boolean {
  if (/\.d\.[cm]?ts$/.test(filename)) return false;
  const extension = path.extname(filename);
  return JAVASCRIPT.has(extension) || TYPESCRIPT.has(extension);
}

interface Espree {
  parse(text: string, options: Record<string, unknown>): TSESTree.Program;
  readonly VisitorKeys: VisitorKeys;
}
interface EslintScope {
  analyze(ast: unknown, options: Record<string, unknown>): ScopeManager;
}
interface TypeScriptParser {
  parseForESLint(text: string, options: Record<string, unknown>): { ast: TSESTree.Program; scopeManager: ScopeManager; visitorKeys: VisitorKeys };
}

interface Parsers {
  readonly espree: Espree | null;
  readonly eslintScope: EslintScope | null;
  readonly typescript: TypeScriptParser | null;
}

let parsers: Parsers | undefined;

/** Loads a package the way the installed `eslint` (or the project) would, or `null`. */
function loadFrom(bases: readonly string[], name: string): unknown {
  for (const base of bases) {
    try {
      return createRequire(base)(name);
    } catch {
      // Next base.
    }
  }
  return null;
}

function loadParsers(): Parsers {
  if (parsers) return parsers;
  const own = import.meta.url;
  const bases: string[] = [own, path.join(process.cwd(), 'package.json')];
  // ESLint's own parser and scope analysis, resolved next to the installed eslint (its exact versions).
  let eslintEntry: string | null = null;
  for (const base of bases) {
    try {
      eslintEntry = createRequire(base).resolve('eslint');
      break;
    } catch {
      // Next base.
    }
  }
  const eslintBases = eslintEntry ? [eslintEntry, ...bases] : bases;
  parsers = {
    espree: loadFrom(eslintBases, 'espree') as Espree | null,
    eslintScope: loadFrom(eslintBases, 'eslint-scope') as EslintScope | null,
    typescript: loadFrom(bases, '@typescript-eslint/parser') as TypeScriptParser | null,
  };
  return parsers;
}

/**
 * Parses a file of the project into a `SourceCode`-like object, or `null` when it does not parse
 * or no parser for its language is installed (the file then contributes nothing across files:
 * callers keep their per-file answer).
 */
export function parseProjectFile(filename: string, text: string): ProjectSourceCode | null {
  const extension = path.extname(filename);
  const { espree, eslintScope, typescript } = loadParsers();
  const withTypeScript = (jsx: boolean): ProjectSourceCode | null => {
    if (!typescript) return null;
    const { ast, scopeManager, visitorKeys } = typescript.parseForESLint(text, {
      filePath: filename,
      range: true,
      loc: true,
      // Nothing reads other files' comments (or tokens): collecting them costs time and memory.
      comment: false,
      tokens: false,
      sourceType: extension === '.cts' ? 'script' : 'module',
      ecmaFeatures: { jsx },
    });
    addParents(ast, visitorKeys);
    return createSourceCode(ast, text, scopeManager, visitorKeys);
  };
  try {
    if (TYPESCRIPT.has(extension) || (extension === '.js' && !espree)) return withTypeScript(extension === '.tsx');
    if (!espree || !eslintScope) return null;
    const commonJs = extension === '.cjs' || (extension !== '.mjs' && !/^\s*(?:import|export)\b/m.test(text));
    const ast = parseJavaScript(espree, text, commonJs ? 'commonjs' : 'module', extension !== '.mjs' && extension !== '.cjs');
    // JavaScript espree rejects: Flow or TypeScript-style annotations, decorators (Babel-built apps lint it with typescript-eslint).
    if (!ast) return withTypeScript(extension === '.jsx' || extension === '.js');
    const scopeManager = eslintScope.analyze(ast, {
      ecmaVersion: 2026,
      sourceType: commonJs ? 'commonjs' : 'module',
      nodejsScope: commonJs,
      ...scopeVisitorKeys(espree.VisitorKeys, text),
    });
    addParents(ast, espree.VisitorKeys);
    return createSourceCode(ast, text, scopeManager, espree.VisitorKeys);
  } catch {
    return null;
  }
}

/**
 * How eslint-scope walks the AST. Given `childVisitorKeys`, esrecurse copies estraverse's keys and
 * them into every visitor it makes, one per declared name (half of a project file's parse time).
 * Without them it uses estraverse's keys as they are, and asks `fallback` for the types estraverse
 * does not know (JSX, static blocks, import attributes), answered with ESLint's keys: the same walk.
 * The one type whose keys differ and that eslint-scope does not visit itself is `import(source,
 * options)` (estraverse lacks `options`): files that may have one get the copying walk.
 */
function scopeVisitorKeys(visitorKeys: VisitorKeys, text: string): Record<string, unknown> {
  if (IMPORT_CALL.test(text)) return { childVisitorKeys: visitorKeys, fallback: 'iteration' };
  return { childVisitorKeys: null, fallback: (node: { type: string }) => visitorKeys[node.type] ?? Object.keys(node) };
}

const IMPORT_CALL = /\bimport\s*\(/;

/** espree, trying the other module kind when the guess was wrong (`import()` in CommonJS, a stray `return`). */
function parseJavaScript(espree: Espree, text: string, sourceType: 'module' | 'commonjs', jsx: boolean): TSESTree.Program | null {
  const options = (kind: string) => ({ ecmaVersion: 'latest', sourceType: kind, range: true, loc: true, comment: false, ecmaFeatures: { jsx } });
  try {
    return espree.parse(text, options(sourceType));
  } catch {
    try {
      return espree.parse(text, options(sourceType === 'module' ? 'commonjs' : 'module'));
    } catch {
      return null;
    }
  }
}

/** Sets `parent` on every node (ESLint does it while linting; these files are not linted). */
function addParents(program: TSESTree.Program, visitorKeys: VisitorKeys): void {
  const stack: [Node, Node | undefined][] = [[program, undefined]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    (node as { parent?: Node }).parent = parent;
    forEachChild(node, visitorKeys, (child) => stack.push([child, node]));
  }
}

function createSourceCode(program: TSESTree.Program, text: string, scopeManager: ScopeManager, visitorKeys: VisitorKeys): ProjectSourceCode {
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
      forEachChild(node, visitorKeys, visit);
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
