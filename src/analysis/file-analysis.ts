import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { CATALOG } from '../catalog/index.js';
import { fileRole, type FileRole } from '../context/file-role.js';
import { asyncFunctionDecider, createFileContext, type ContextDecider, type FileContext } from '../context/serving-context.js';
import { moduleKindOf, type ModuleKind } from '../fixes/imports.js';
import { blockingUses, type BlockingUse } from '../resolve/blocking-uses.js';
import { traceFile } from '../resolve/trace.js';
import { createSummaryFactory, type FunctionSummaries, type UseFilter } from './function-summaries.js';
import { createTypedAnalysis, typedServices, type TypeAwareSettings } from './typed.js';

/** Everything the rules need about one file, computed once and shared by every rule. */
export interface FileAnalysis {
  readonly role: FileRole;
  readonly uses: readonly BlockingUse[];
  /** The name of a variable visible at `at` that holds `module`'s whole module object, if any. */
  moduleObjectAt(module: string, at: TSESTree.Node): string | null;
  readonly context: FileContext;
  /** Whether fixes add ESM imports or CommonJS requires. */
  readonly moduleKind: ModuleKind;
  /**
   * Which functions of the file block when called, transitively, for the uses `filter` keeps.
   * Built on the first request and memoised per filter; free for files without blocking uses.
   */
  summaries(filter: UseFilter): FunctionSummaries;
}

const cache = new WeakMap<object, FileAnalysis>();

export function getFileAnalysis(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileAnalysis {
  const sourceCode = context.sourceCode;
  let analysis = cache.get(sourceCode.ast);
  if (!analysis) {
    let moduleKind: ModuleKind | undefined;
    const role = fileRole(context.filename, context.cwd, sourceCode.ast, sourceCode.text);
    const resolved = traceFile(sourceCode, CATALOG);
    // Tests and scripts never serve requests: no function in them is a serving context.
    const deciders: ContextDecider[] = role === 'application' ? [asyncFunctionDecider] : [() => null];
    const untypedUses = blockingUses(resolved.hits);
    // Type-aware resolution only when the user switched it on (`recommendedTypeChecked`) and the parser has a program.
    const services = typedServices(context);
    const settings = (context.settings as Record<string, TypeAwareSettings | undefined> | undefined)?.['event-loop'];
    const typed = services
      ? createTypedAnalysis(sourceCode, services, context.cwd, settings?.followNodeModules === true, new Set(untypedUses.map((use) => use.reference)))
      : null;
    let uses: readonly BlockingUse[] | undefined = typed ? undefined : untypedUses;
    const allUses = () => (uses ??= [...untypedUses, ...typed!.hits]);
    const fileContext = createFileContext(deciders);
    analysis = {
      role,
      get uses() {
        return allUses();
      },
      moduleObjectAt(module, at) {
        const root = CATALOG.modules.get(module);
        const variables = root && resolved.moduleVariables.get(root);
        if (!variables) return null;
        for (const variable of variables) {
          if (isVisibleAt(sourceCode, variable, at)) return variable.name;
        }
        return null;
      },
      context: fileContext,
      // Only fixes need it; most files have nothing to fix.
      get moduleKind() {
        return (moduleKind ??= moduleKindOf(sourceCode, context.filename, context.languageOptions.sourceType));
      },
      summaries: createSummaryFactory({
        sourceCode,
        get uses() {
          return allUses();
        },
        context: fileContext,
        external: typed?.external ?? null,
        offloaded: [],
      }),
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
