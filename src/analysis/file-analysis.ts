import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { BUSY_WAIT_LOOPS, CATALOG, type Family } from '../catalog/index.js';
import { fileRole, type FileRole } from '../context/file-role.js';
import { asyncFunctionDecider, createFileContext, type ContextDecider, type FileContext } from '../context/serving-context.js';
import { moduleKindOf, type ModuleKind } from '../fixes/imports.js';
import { blockingUses, type BlockingUse } from '../resolve/blocking-uses.js';
import { traceFile } from '../resolve/trace.js';
import { createBusyWaitLoopFinder, type BusyWaitLoop, type BusyWaitLoopNode } from '../resolve/busy-wait-loops.js';

/** Everything the rules need about one file, computed once and shared by every rule. */
export interface FileAnalysis {
  readonly role: FileRole;
  readonly uses: readonly BlockingUse[];
  /** The name of a variable visible at `at` that holds `module`'s whole module object, if any. */
  moduleObjectAt(module: string, at: TSESTree.Node): string | null;
  readonly context: FileContext;
  /** Whether fixes add ESM imports or CommonJS requires. */
  readonly moduleKind: ModuleKind;
  /** The busy-wait found at a loop statement, or `null` (memoised per file, shared by every rule). */
  busyWaitLoop(loop: BusyWaitLoopNode): BusyWaitLoop | null;
}

const cache = new WeakMap<object, FileAnalysis>();

/** Whether `family` reports busy-wait loops (its rule then hands loop statements to `busyWaitLoop`). */
export function familyHasBusyWaitLoops(family: Family): boolean {
  return family === BUSY_WAIT_LOOPS.family;
}

export function getFileAnalysis(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileAnalysis {
  const sourceCode = context.sourceCode;
  let analysis = cache.get(sourceCode.ast);
  if (!analysis) {
    let moduleKind: ModuleKind | undefined;
    const role = fileRole(context.filename, context.cwd, sourceCode.ast, sourceCode.text);
    let busyWaitLoop: ((loop: BusyWaitLoopNode) => BusyWaitLoop | null) | undefined;
    const resolved = traceFile(sourceCode, CATALOG);
    // Tests and scripts never serve requests: no function in them is a serving context.
    const deciders: ContextDecider[] = role === 'application' ? [asyncFunctionDecider] : [() => null];
    analysis = {
      role,
      uses: blockingUses(resolved.hits),
      moduleObjectAt(module, at) {
        const root = CATALOG.modules.get(module);
        const variables = root && resolved.moduleVariables.get(root);
        if (!variables) return null;
        for (const variable of variables) {
          if (isVisibleAt(sourceCode, variable, at)) return variable.name;
        }
        return null;
      },
      context: createFileContext(deciders),
      // Only fixes need it; most files have nothing to fix.
      get moduleKind() {
        return (moduleKind ??= moduleKindOf(sourceCode, context.filename, context.languageOptions.sourceType));
      },
      busyWaitLoop(loop) {
        busyWaitLoop ??= createBusyWaitLoopFinder(sourceCode, BUSY_WAIT_LOOPS);
        return busyWaitLoop(loop);
      },
    };
    cache.set(sourceCode.ast, analysis);
  }
  return analysis;
}

/** `variable` is what its name resolves to at `at`. */
function isVisibleAt(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable, at: TSESTree.Node): boolean {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at); scope; scope = scope.upper) {
    const found = scope.set.get(variable.name);
    if (found) return found === variable;
  }
  return false;
}
