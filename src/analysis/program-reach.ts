import type * as TS from 'typescript';
import { CATALOG } from '../catalog/index.js';
import { mayReachRoots } from '../resolve/trace.js';
import { skipWrappers } from './ts-ast.js';

/**
 * Which files of a TypeScript program can hold a function that blocks when called, or a value of a
 * catalog type: the files that import a catalog module (per the program's module graph) or name a
 * catalog global, and every file that imports one of them, transitively. Calls into any other
 * file cannot block, and their values cannot be a `Database` or `typeof fs`, so the typed analysis
 * need not ask the checker about them: type queries and overload resolution on generic-heavy
 * code are most of what type-aware analysis costs.
 */
export interface ProgramReach {
  /**
   * Whether the file imports a catalog module, or a file that does, transitively: only then can
   * its functions block when called, or its values have a catalog type.
   */
  mayBlock(file: TS.SourceFile): boolean;
  /** Whether a function, method, getter, class or export of a file that may block has this name. */
  declaresName(name: string): boolean;
}

/** The program's internal module graph (TypeScript ≥ 5.3); without it nothing is ruled out. */
interface ProgramWithResolutions extends TS.Program {
  forEachResolvedModule?(callback: (resolution: TS.ResolvedModuleWithFailedLookupLocations, name: string, mode: unknown, filePath: string) => void): void;
}

const CATALOG_GLOBAL = CATALOG.globals.size > 0 ? new RegExp(`\\b(?:${[...CATALOG.globals.keys()].join('|')})\\b`) : /(?!)/;
/** Ways to load a module that a program's import graph may not record. */
const LOADER = /\brequire\b|\bgetBuiltinModule\b|\bimport\s*\(/;

const EVERYTHING: ProgramReach = { mayBlock: () => true, declaresName: () => true };
const reaches = new WeakMap<TS.Program, ProgramReach>();

export function programReach(ts: typeof TS, program: TS.Program): ProgramReach {
  let reach = reaches.get(program);
  if (!reach) {
    reach = computeReach(ts, program);
    reaches.set(program, reach);
  }
  return reach;
}

function computeReach(ts: typeof TS, program: ProgramWithResolutions): ProgramReach {
  if (typeof program.forEachResolvedModule !== 'function') return EVERYTHING;
  // Declaration files count too: a package's types can hand out a catalog value (an ORM's
  // better-sqlite3 driver returns its `Database`).
  const files = program.getSourceFiles().filter((file) => !program.isSourceFileDefaultLibrary(file));
  // Resolutions name importers by their canonical path, imports by file name.
  const byName = new Map<string, TS.SourceFile>();
  for (const file of files) {
    byName.set(file.fileName, file);
    const canonical = (file as TS.SourceFile & { path?: string }).path;
    if (canonical) byName.set(canonical, file);
  }
  const importers = new Map<TS.SourceFile, TS.SourceFile[]>();
  const importsCatalogModule = new Set<TS.SourceFile>();
  program.forEachResolvedModule((resolution, name, _mode, importerPath) => {
    const importer = byName.get(importerPath);
    if (!importer) return;
    if (CATALOG.modules.has(name) || CATALOG.modules.has(name.replace(/^node:/, ''))) importsCatalogModule.add(importer);
    const imported = resolution.resolvedModule && byName.get(resolution.resolvedModule.resolvedFileName);
    if (!imported || imported === importer) return;
    const list = importers.get(imported);
    if (list) list.push(importer);
    else importers.set(imported, [importer]);
  });

  const tainted = new Set<TS.SourceFile>();
  const queue: TS.SourceFile[] = [];
  let globalScript = false;
  for (const file of files) {
    // The text names a catalog module or global; the module graph says whether an import of one is
    // real (a `sleep` in a doc comment is not). Requires and loaders the graph may not list keep
    // the text's word.
    if (file.isDeclarationFile) {
      if (!importsCatalogModule.has(file)) continue;
    } else {
      if (!mayReachRoots(file.text, CATALOG)) continue;
      if (!importsCatalogModule.has(file) && !CATALOG_GLOBAL.test(file.text) && !LOADER.test(file.text)) continue;
      // A script's functions are globals: any file may call them without importing it.
      if (!ts.isExternalModule(file) && !(file as TS.SourceFile & { commonJsModuleIndicator?: unknown }).commonJsModuleIndicator) globalScript = true;
    }
    tainted.add(file);
    queue.push(file);
  }
  if (globalScript) return EVERYTHING;
  while (queue.length > 0) {
    for (const importer of importers.get(queue.pop()!) ?? []) {
      if (!tainted.has(importer)) {
        tainted.add(importer);
        queue.push(importer);
      }
    }
  }

  let names: Set<string> | undefined;
  return {
    mayBlock: (file) => tainted.has(file),
    declaresName: (name) => (names ??= declaredNames(ts, [...tainted].filter((file) => !file.isDeclarationFile))).has(name),
  };
}

/** Every name a call, `new` or getter read could reach a function of these files by. */
function declaredNames(ts: typeof TS, files: readonly TS.SourceFile[]): Set<string> {
  const names = new Set<string>();
  const add = (name: TS.Node | undefined) => {
    if (name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name))) names.add(name.text);
  };
  const isFunctionValue = (node: TS.Expression | undefined): boolean => {
    const value = node && skipWrappers(ts, node);
    return !!value && (ts.isFunctionExpression(value) || ts.isArrowFunction(value) || ts.isClassExpression(value));
  };
  const visit = (node: TS.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isClassExpression(node) ||
      ts.isFunctionExpression(node)
    ) {
      add(node.name);
    } else if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && isFunctionValue(node.initializer)) {
      add(node.name);
    } else if (ts.isPropertyAssignment(node) && (isFunctionValue(node.initializer) || ts.isIdentifier(node.initializer) || ts.isPropertyAccessExpression(node.initializer))) {
      // `{ read: function … }`, `{ read: readConfig }`, `{ read: fsHelpers.read }`
      add(node.name);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isFunctionValue(node.right)) {
      // `exports.load = function …`, `this.read = () => …`, `Store.prototype.get = function …`
      add(ts.isPropertyAccessExpression(node.left) ? node.left.name : node.left);
    } else if (ts.isExportSpecifier(node)) {
      // Exported under another name: `obj.alias()` on the module object.
      add(node.name);
    } else if (ts.isShorthandPropertyAssignment(node)) {
      add(node.name);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(file);
  return names;
}
