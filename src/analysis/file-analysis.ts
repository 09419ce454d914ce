import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { BUSY_WAIT_LOOPS, type Family } from '../catalog/index.js';
import { fileRoleWithReason, type FileRole } from '../context/file-role.js';
import { FRAMEWORKS, type Frameworks } from '../catalog/frameworks/index.js';
import { findHandlers, type FileHandlers } from '../context/handlers.js';
import { calledOnlyFromStartupDecider, enclosingFunction } from '../context/startup.js';
import {
  asyncFunctionDecider,
  calledFromServingDecider,
  createFileContext,
  handlerDecider,
  startupDecider,
  type ContextDecider,
  type FileContext,
} from '../context/serving-context.js';
import { extensionSettings, userFrameworks, type ExtensionSettings } from '../settings.js';
import { isAllowed } from '../allow.js';
import { catalogFor } from '../catalog/user.js';
import { workerDecider } from '../context/workers.js';
import { passedValueUse, type PassedValueUse } from '../context/passed-values.js';
import { runsOnce } from '../context/once-guard.js';
import { backgroundLoopDecider } from '../context/background-loops.js';
import { configuredSourceType, moduleKindOf, type ModuleKind } from '../fixes/imports.js';
import { blockingUses, type BlockingUse } from '../resolve/blocking-uses.js';
import { mayReachRoots, traceFile, type TraceHit, type TracedFile, type Tracer, type TraceRoots } from '../resolve/trace.js';
import type { TraceNode } from '../catalog/define.js';
import type { FunctionNode } from '../resolve/ast.js';
import type { ProjectFunctionPayload } from '../catalog/types.js';
import { crossFileCallers, projectLinkFor, type CrossFileCallers, type ProjectLink } from '../project/link.js';
import { createBusyWaitLoopFinder, type BusyWaitLoop, type BusyWaitLoopNode } from '../resolve/busy-wait-loops.js';
import { findProjectTwin } from './async-twins.js';
import { ALL_USES, createSummaryFactory, type ExternalResolver, type FunctionSummaries, type UseFilter } from './function-summaries.js';
import { seedPassedParameters } from '../project/parameter-values.js';
import { createTypedAnalysis, typedServices } from './typed.js';

/** Everything the rules need about one file, computed once and shared by every rule. */
export interface FileAnalysis {
  /** What the file is for, its importers considered (a module only tests or CLIs import is theirs). */
  readonly role: FileRole;
  /** What the file is for by its own path and imports. */
  readonly ownRole: FileRole;
  /** `settings['event-loop']` beyond route registrars: worker pool, worker files, user catalog, allow. */
  readonly settings: ExtensionSettings;
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
  /** Calls (and pass-alongs) of other project files' functions, found through the project model. */
  readonly projectHits: readonly TraceHit<ProjectFunctionPayload>[];
  /** Where a function passed along as a value runs: registered as a handler, or called by a function it is handed to. */
  passedValueUse(reference: TSESTree.Node): PassedValueUse | null;
  /** Whether running `fn` reaches a blocking call of this file or another one (`async` functions included). */
  reachesBlocking(fn: FunctionNode): boolean;
}

/** Which code counts as serving work (every rule's `contexts` option). */
export interface ContextOptions {
  readonly asyncFunctions: boolean;
  readonly routeHandlers: boolean;
  readonly requestShapedParameters: boolean;
  /** Sync functions of the same file that serving code calls synchronously (their calls run while serving). */
  readonly syncHelpers: boolean;
}

export const DEFAULT_CONTEXTS: ContextOptions = { asyncFunctions: true, routeHandlers: true, requestShapedParameters: true, syncHelpers: true };

/**
 * Serving code proper, without the sync helpers it calls: where no-indirect-blocking reports calls,
 * and what it charges to helpers (calls the direct rules report in place are not).
 */
export const HELPER_COST_CONTEXTS: ContextOptions = { ...DEFAULT_CONTEXTS, syncHelpers: false };

const cache = new WeakMap<object, FileAnalysis>();
const NOTHING_TRACED: TracedFile = { hits: [], moduleVariables: new Map() };

/** Whether `family` reports busy-wait loops (its rule then hands loop statements to `busyWaitLoop`). */
export function familyHasBusyWaitLoops(family: Family): boolean {
  return family === BUSY_WAIT_LOOPS.family;
}

/**
 * What the per-file analysis needs to know about a file: the linted file gives it from ESLint's
 * rule context; the project model (src/project/) gives it for other files of the project.
 */
export interface AnalysisInput {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly filename: string;
  readonly cwd: string;
  readonly settings: ExtensionSettings;
  readonly frameworks: readonly Frameworks[];
  /** The parser's `sourceType`, when it says one (fixes then add imports of that kind). */
  readonly sourceType: string | undefined;
  /** Typed mode: the parser's services with a program. */
  readonly typed: ReturnType<typeof typedServices>;
  /** The project the file belongs to: imports of other files, and who calls this file's exports. */
  readonly project: ProjectLink | null;
  /** Told of values the trace sees reach an expression (the project model's view of exports). */
  readonly onReach?: (node: TSESTree.Node, trace: TraceNode) => void;
  /** Whether start-up answers from other files also apply to what helpers cost (the linted file: yes). */
  readonly crossFileInHelperCost: boolean;
  /**
   * Whether other files' modules passed to this file's functions are followed (`createRoutes({ configModule })`):
   * the linted file, yes; the project model's analyses behind export tries, no (no import cycle then runs
   * from an export trie through the importers).
   */
  readonly followPassedModules: boolean;
}

export function getFileAnalysis(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileAnalysis {
  const sourceCode = context.sourceCode;
  let analysis = cache.get(sourceCode.ast);
  if (!analysis) {
    const settings = extensionSettings(context.settings);
    const user = userFrameworks(context.settings);
    const frameworks: Frameworks[] = user ? [FRAMEWORKS, user] : [FRAMEWORKS];
    analysis = createFileAnalysis({
      sourceCode,
      filename: context.filename,
      cwd: context.cwd,
      settings,
      frameworks,
      sourceType: configuredSourceType(context.languageOptions),
      typed: typedServices(context, settings.typeAware),
      project: settings.crossFile ? projectLinkFor(context.filename, settings, frameworks, context.cwd) : null,
      crossFileInHelperCost: true,
      followPassedModules: true,
    });
    cache.set(sourceCode.ast, analysis);
  }
  return analysis;
}

export function createFileAnalysis(input: AnalysisInput): FileAnalysis {
  const { sourceCode, filename, cwd, settings, frameworks, project } = input;
  let moduleKind: ModuleKind | undefined;
  const catalog = catalogFor(settings);
  const byPath = fileRoleWithReason(filename, cwd, sourceCode.ast, sourceCode.text, settings.workerFiles);
  // A file that is a script only by its folder or its argument parser is application code when application code
  // loads it (a bot's `scripts/cmds/`), or when the package's supervisor runs it as the service.
  const ownRole: FileRole = byPath.provisional && project?.loadedByApplication(byPath.provisional) ? 'application' : byPath.role;
  // A module only command-line entries, tests or build scripts import has their role: asked only
  // when the file has something to report (it reads the importers).
  let projectRole: FileRole | undefined;
  const roleAcrossFiles = () => (projectRole ??= project && ownRole === 'application' ? project.roleOf(ownRole) : ownRole);
  let busyWaitLoop: ((loop: BusyWaitLoopNode) => BusyWaitLoop | null) | undefined;
  // Tests, scripts and worker files never serve requests: nothing in them is reported, so nothing is traced.
  const serves = ownRole === 'application';
  // Imports of other project files whose exports block (or re-export blocking APIs) are traced like catalog modules.
  const projectRoots = serves && project ? project.importRoots(sourceCode) : null;
  const roots = projectRoots && projectRoots.size > 0 ? withModules(catalog, projectRoots) : catalog;
  // Most files name no catalog module at all: one scan of the text spares them the trace.
  // What other files pass to this file's exported functions (`new FileSystem(this)`): traced from the parameter.
  const passed = serves && project ? (input.followPassedModules ? project.passedValues() : project.passedParameters()) : null;
  const seedParameters = passed && passed.size > 0 ? (tracer: Tracer) => seedPassedParameters(sourceCode, passed, tracer) : undefined;
  const resolved =
    serves && (roots !== catalog || seedParameters || mayReachRoots(sourceCode.text, catalog))
      ? traceFile(sourceCode, roots, undefined, seedParameters, input.onReach)
      : NOTHING_TRACED;
  let handlers: FileHandlers | undefined;
  // Handler detection costs a walk of the file: only files with blocking calls need it.
  const projectFrameworkRoots = project ? (table: number) => project.frameworkRoots(sourceCode, table) : null;
  const exportUncalled = (name: string) => project?.exportUncalled(name) ?? false;
  const getHandlers = () =>
    (handlers ??= findHandlers({ sourceCode, filename, cwd, frameworks: [...frameworks], projectRoots: projectFrameworkRoots, exportUncalled }));
  // `settings['event-loop'].allow` silences an API in every rule (and in what summaries build on).
  // A lazy initialisation behind an emptiness test (`if (!config) config = read()`) runs once, not per request.
  const notAllowed = (use: BlockingUse) => (settings.allow.length === 0 || !isAllowed(use.payload, settings.allow)) && !runsOnce(sourceCode, use.reference);
  const untypedUses = blockingUses(resolved.hits).filter(notAllowed);
  const projectHits = resolved.hits.filter((hit): hit is TraceHit<ProjectFunctionPayload> => hit.payload.kind === 'project-function');
  const projectCalls = projectFunctionCalls(projectHits);
  // Type-aware resolution only when the user switched it on (`recommendedTypeChecked`) and the parser has a program.
  const services = serves ? input.typed : null;
  const typed = services
    ? createTypedAnalysis(sourceCode, services, cwd, settings.followNodeModules, new Set(untypedUses.map((use) => use.reference)))
    : null;
  let uses: readonly BlockingUse[] | undefined = typed ? undefined : untypedUses;
  const allUses = () => (uses ??= [...untypedUses, ...typed!.hits.filter(notAllowed)]);
  const summaryFactory = createSummaryFactory({
    sourceCode,
    get uses() {
      return allUses();
    },
    // A helper's blocking calls count for its callers only where no direct rule reports them.
    get context() {
      return contextFor(HELPER_COST_CONTEXTS);
    },
    external: combineResolvers(projectCalls.size > 0 ? projectResolver(projectCalls) : null, typed?.external ?? null),
    offloaded: [],
    resolveAllExternal: !input.crossFileInHelperCost,
    externalTwin: (call, resolver) => findProjectTwin(resolver, call, firstOf(projectCalls.get(call.node), (payload) => (payload.blockingPath(ALL_USES) ? payload.twin() : null))),
    // An async function of another file that blocks inside: its calls while serving are reported too.
    externalRunning: projectCalls.size > 0 ? (call, filter) => firstOf(projectCalls.get(call.node), (payload) => payload.runningPath(filter)) : undefined,
  });
  let crossFile: CrossFileCallers | null | undefined;
  const acrossFiles = () => (crossFile ??= project ? crossFileCallers(sourceCode, project, summaryFactory.callersOf, reachesBlocking) : null);
  // Functions that make a blocking call, or call (in this file, or another one) something that does.
  let blockingFunctions: Set<FunctionNode> | undefined;
  const reachesBlocking = (fn: FunctionNode): boolean => {
    if (!blockingFunctions) {
      blockingFunctions = new Set();
      const queue: FunctionNode[] = [];
      const seed = (node: TSESTree.Node) => {
        for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
          if (blockingFunctions!.has(fn)) break;
          blockingFunctions!.add(fn);
          queue.push(fn);
        }
      };
      for (const use of allUses()) seed(use.reference);
      for (const hit of projectHits) if (hit.payload.blockingPath(ALL_USES) || hit.payload.runsBlocking()) seed(hit.reference);
      for (let index = 0; index < queue.length; index++) {
        for (const { caller } of summaryFactory.callersOf(queue[index]!)) seed(caller.body ?? caller);
      }
    }
    return blockingFunctions.has(fn);
  };
  const contexts = new Map<string, FileContext>();
  const contextFor = (options: ContextOptions): FileContext => {
    const key = `${options.asyncFunctions}${options.routeHandlers}${options.requestShapedParameters}${options.syncHelpers}`;
    let fileContext = contexts.get(key);
    if (!fileContext) {
      const deciders: ContextDecider[] = [];
      if (roleAcrossFiles() !== 'application') {
        // Tests and scripts never serve requests: no function in them is a serving context.
        deciders.push(() => null);
      } else {
        const found = getHandlers();
        // Code that runs in a worker thread (an `if (!isMainThread)` branch, a function handed to the offload helper).
        const worker = workerDecider(sourceCode, settings.workerPool);
        if (worker) deciders.push(worker);
        // Handlers win over start-up (a route registered inside `main()` is still a handler).
        if (options.routeHandlers) deciders.push(handlerDecider(found.handlers));
        // An endless awaiting loop works in the background while the process serves, even when boot starts it.
        deciders.push(backgroundLoopDecider(sourceCode.visitorKeys));
        deciders.push(startupDecider(found.startup));
        if (options.routeHandlers && options.requestShapedParameters) deciders.push(handlerDecider(found.heuristic));
        // Who calls this file's exported functions from other files: start-up code only, or serving code.
        const callers = options.syncHelpers || input.crossFileInHelperCost ? acrossFiles() : null;
        if (callers) deciders.push(options.syncHelpers ? callers.decider : (fn) => (callers.startupOnly(fn) ? null : undefined));
        // An async function only ever called from start-up code runs at start-up.
        const isHandler = (fn: FunctionNode) => found.handlers.has(fn) || found.heuristic.has(fn);
        deciders.push(calledOnlyFromStartupDecider(sourceCode, (fn) => found.startup.has(fn) || (callers?.startupOnly(fn) ?? false), exportUncalled, isHandler));
        if (options.asyncFunctions) deciders.push(asyncFunctionDecider);
        if (options.syncHelpers) deciders.push(calledFromServingDecider(summaryFactory.callersOf));
      }
      fileContext = createFileContext(deciders);
      contexts.set(key, fileContext);
    }
    return fileContext;
  };
  return {
    get role() {
      return roleAcrossFiles();
    },
    ownRole,
    settings,
    get uses() {
      return allUses();
    },
    moduleObjectAt(module, at) {
      const root = catalog.modules.get(module);
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
      return (moduleKind ??= moduleKindOf(sourceCode, filename, input.sourceType));
    },
    busyWaitLoop(loop) {
      if (!serves) return null;
      busyWaitLoop ??= createBusyWaitLoopFinder(sourceCode, BUSY_WAIT_LOOPS);
      const found = busyWaitLoop(loop);
      return found && isAllowed(found.entry, settings.allow) ? null : found;
    },
    summaries: summaryFactory.summaries,
    projectHits,
    passedValueUse: (reference) => passedValueUse(sourceCode, reference, getHandlers(), contextFor(DEFAULT_CONTEXTS)),
    reachesBlocking,
  };
}

/** The catalog's roots plus the project files a file imports (by the specifier it writes). */
function withModules(catalog: TraceRoots, modules: ReadonlyMap<string, TraceNode>): TraceRoots {
  return { modules: new Map([...catalog.modules, ...modules]), globals: catalog.globals };
}

/** Calls of functions of other project files, by call node. */
/** The project functions each call may run: a value built by a factory or typed by an interface may be one of several classes'. */
function projectFunctionCalls(hits: readonly TraceHit<ProjectFunctionPayload>[]): Map<TSESTree.Node, TraceHit<ProjectFunctionPayload>[]> {
  const calls = new Map<TSESTree.Node, TraceHit<ProjectFunctionPayload>[]>();
  for (const hit of hits) {
    if (!hit.call) continue;
    const list = calls.get(hit.call);
    if (list) list.push(hit);
    else calls.set(hit.call, [hit]);
  }
  return calls;
}

/** The first answer of the call's candidate functions that has one (the one that blocks), in a fixed order. */
function firstOf<T>(hits: readonly TraceHit<ProjectFunctionPayload>[] | undefined, answer: (payload: ProjectFunctionPayload) => T | null): T | null {
  for (const hit of hits ?? []) {
    const found = answer(hit.payload);
    if (found !== null) return found;
  }
  return null;
}

/** Calls the same-file graph cannot resolve, answered from the called file's summary. */
function projectResolver(calls: ReadonlyMap<TSESTree.Node, TraceHit<ProjectFunctionPayload>[]>): ExternalResolver {
  return (call, filter) => firstOf(calls.get(call.node), (payload) => payload.blockingPath(filter));
}

function combineResolvers(first: ExternalResolver | null, second: ExternalResolver | null): ExternalResolver | null {
  if (!first || !second) return first ?? second;
  return (call, filter) => first(call, filter) ?? second(call, filter);
}

/** `variable` is what its name resolves to at `at`. */
function isVisibleAt(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable, at: TSESTree.Node): boolean {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(at); scope; scope = scope.upper) {
    const found = scope.set.get(variable.name);
    if (found) return found === variable;
  }
  return false;
}
