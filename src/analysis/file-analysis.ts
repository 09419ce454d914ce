import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { CATALOG } from '../catalog/index.js';
import { fileRole, type FileRole } from '../context/file-role.js';
import { asyncFunctionDecider, createFileContext, type ContextDecider, type FileContext } from '../context/serving-context.js';
import { moduleKindOf, type ModuleKind } from '../fixes/imports.js';
import { blockingUses, type BlockingUse } from '../resolve/blocking-uses.js';
import { mayReachRoots, traceFile, type TracedFile } from '../resolve/trace.js';

/** Everything the rules need about one file, computed once and shared by every rule. */
export interface FileAnalysis {
  readonly role: FileRole;
  readonly uses: readonly BlockingUse[];
  /** The name of a variable visible at `at` that holds `module`'s whole module object, if any. */
  moduleObjectAt(module: string, at: TSESTree.Node): string | null;
  readonly context: FileContext;
  /** Whether fixes add ESM imports or CommonJS requires. */
  readonly moduleKind: ModuleKind;
}

const cache = new WeakMap<object, FileAnalysis>();
const NOTHING_TRACED: TracedFile = { hits: [], moduleVariables: new Map() };

export function getFileAnalysis(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileAnalysis {
  const sourceCode = context.sourceCode;
  let analysis = cache.get(sourceCode.ast);
  if (!analysis) {
    let moduleKind: ModuleKind | undefined;
    const role = fileRole(context.filename, context.cwd, sourceCode.ast, sourceCode.text);
    // Most files name no catalog module at all: one scan of the text spares them the trace.
    const resolved = mayReachRoots(sourceCode.text, CATALOG) ? traceFile(sourceCode, CATALOG) : NOTHING_TRACED;
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
