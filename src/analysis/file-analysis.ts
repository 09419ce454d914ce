import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { BUSY_WAIT_LOOPS, CATALOG, type Family } from '../catalog/index.js';
import { fileRole, type FileRole } from '../context/file-role.js';
import { FRAMEWORKS, type Frameworks } from '../catalog/frameworks/index.js';
import { findHandlers, type FileHandlers } from '../context/handlers.js';
import {
  asyncFunctionDecider,
  createFileContext,
  handlerDecider,
  startupDecider,
  type ContextDecider,
  type FileContext,
} from '../context/serving-context.js';
import { userFrameworks } from '../settings.js';
import { moduleKindOf, type ModuleKind } from '../fixes/imports.js';
import { blockingUses, type BlockingUse } from '../resolve/blocking-uses.js';
import { traceFile } from '../resolve/trace.js';
import { createBusyWaitLoopFinder, type BusyWaitLoop, type BusyWaitLoopNode } from '../resolve/busy-wait-loops.js';
import { createSummaryFactory, type FunctionSummaries, type UseFilter } from './function-summaries.js';
import { createTypedAnalysis, typedServices, type TypeAwareSettings } from './typed.js';

/** Everything the rules need about one file, computed once and shared by every rule. */
export interface FileAnalysis {
  readonly role: FileRole;
  readonly uses: readonly BlockingUse[];
  /** The name of a variable visible at `at` that holds `module`'s whole module object, if any. */
  moduleObjectAt(module: string, at: TSESTree.Node): string | null;
  /** The serving context with every context kind on (the rules' defaults). */
  readonly context: FileContext;
  /** The serving context with some kinds of context turned off (a rule's `contexts` option). */
  contextFor(contexts: ContextOptions): FileContext;
  /** Route handlers and start-up functions of the file. */
  readonly handlers: FileHandlers;
  /** Whether fixes add ESM imports or CommonJS requires. */
  readonly moduleKind: ModuleKind;
  /** The busy-wait found at a loop statement, or `null` (memoised per file, shared by every rule). */
  busyWaitLoop(loop: BusyWaitLoopNode): BusyWaitLoop | null;
  /**
   * Which functions of the file block when called, transitively, for the uses `filter` keeps.
   * Built on the first request and memoised per filter; free for files without blocking uses.
   */
  summaries(filter: UseFilter): FunctionSummaries;
}

/** Which code counts as serving work (every rule's `contexts` option). */
export interface ContextOptions {
  readonly asyncFunctions: boolean;
  readonly routeHandlers: boolean;
  readonly requestShapedParameters: boolean;
}

export const DEFAULT_CONTEXTS: ContextOptions = { asyncFunctions: true, routeHandlers: true, requestShapedParameters: true };

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
    const user = userFrameworks(context.settings);
    const frameworks: Frameworks[] = user ? [FRAMEWORKS, user] : [FRAMEWORKS];
    let handlers: FileHandlers | undefined;
    // Handler detection costs a walk of the file: only files with blocking calls need it.
    const getHandlers = () => (handlers ??= findHandlers({ sourceCode, filename: context.filename, cwd: context.cwd, frameworks }));
    const contexts = new Map<string, FileContext>();
    const contextFor = (options: ContextOptions): FileContext => {
      const key = `${options.asyncFunctions}${options.routeHandlers}${options.requestShapedParameters}`;
      let fileContext = contexts.get(key);
      if (!fileContext) {
        const deciders: ContextDecider[] = [];
        if (role !== 'application') {
          // Tests and scripts never serve requests: no function in them is a serving context.
          deciders.push(() => null);
        } else {
          const found = getHandlers();
          // Handlers win over start-up (a route registered inside `main()` is still a handler).
          if (options.routeHandlers) deciders.push(handlerDecider(found.handlers));
          deciders.push(startupDecider(found.startup));
          if (options.routeHandlers && options.requestShapedParameters) deciders.push(handlerDecider(found.heuristic));
          if (options.asyncFunctions) deciders.push(asyncFunctionDecider);
        }
        fileContext = createFileContext(deciders);
        contexts.set(key, fileContext);
      }
      return fileContext;
    };
    const untypedUses = blockingUses(resolved.hits);
    // Type-aware resolution only when the user switched it on (`recommendedTypeChecked`) and the parser has a program.
    const services = typedServices(context);
    const settings = (context.settings as Record<string, TypeAwareSettings | undefined> | undefined)?.['event-loop'];
    const typed = services
      ? createTypedAnalysis(sourceCode, services, context.cwd, settings?.followNodeModules === true, new Set(untypedUses.map((use) => use.reference)))
      : null;
    let uses: readonly BlockingUse[] | undefined = typed ? undefined : untypedUses;
    const allUses = () => (uses ??= [...untypedUses, ...typed!.hits]);
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
      get context() {
        return contextFor(DEFAULT_CONTEXTS);
      },
      contextFor,
      get handlers() {
        return getHandlers();
      },
      // Only fixes need it; most files have nothing to fix.
      get moduleKind() {
        return (moduleKind ??= moduleKindOf(sourceCode, context.filename, context.languageOptions.sourceType));
      },
      busyWaitLoop(loop) {
        busyWaitLoop ??= createBusyWaitLoopFinder(sourceCode, BUSY_WAIT_LOOPS);
        return busyWaitLoop(loop);
      },
      summaries: createSummaryFactory({
        sourceCode,
        get uses() {
          return allUses();
        },
        get context() {
          return contextFor(DEFAULT_CONTEXTS);
        },
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
