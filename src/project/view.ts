import { isBuiltin } from 'node:module';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { createTraceNode, unionOf, CALL_RESULT, CONSTRUCT_RESULT, type TraceNode } from '../catalog/define.js';
import type { Frameworks } from '../catalog/frameworks/index.js';
import type { ProjectFunctionPayload } from '../catalog/types.js';
import { catalogFor } from '../catalog/user.js';
import { fileRole, fileRoleWithReason, isTestPath, NO_STATEMENTS, roleNeedsSyntax, type FileRole, type ProvisionalScript } from '../context/file-role.js';
import { describeFunction, type ServingContext, type ServingKind } from '../context/serving-context.js';
import { createFileAnalysis, type FileAnalysis } from '../analysis/file-analysis.js';
import { ALL_USES, createValueResolver, MAX_DEPTH, type BlockingPath, type UseFilter } from '../analysis/function-summaries.js';
import { mayReachRoots, type Tracer } from '../resolve/trace.js';
import { escapeRegExp, isFunction, projectRequireSource, staticPropertyName, type FunctionNode } from '../resolve/ast.js';
import { createLink, type ProjectLink } from './link.js';
import type { ExtensionSettings } from '../settings.js';
import { exportKey, functionKey, moduleExports } from './exports.js';
import { fits, returnsPromise, twinNames } from '../analysis/async-twins.js';
import { detached, type ProjectFiles, type FileStamp } from './files.js';
import { parseProjectFile, type ProjectSourceCode } from './parse.js';
import { frameworkExportTrie } from './framework-exports.js';
import { WeightBudget } from './budget.js';
import { isStandaloneProgram, servingTextTest } from './programs.js';
import { computedLoads, isLoadedBy, type ComputedLoad } from './computed-loads.js';
import { dynamicLoadCalls, loadTimeCalls, memberNameOf, registryMemberCalls } from './load-hooks.js';
import { anyExportMarker, filesPassedValues, functionsWithParameters, instanceMakingRoots, markerTrie, NO_PASSED_PARAMETERS, PASSES_THIS_TO_CONSTRUCTOR, passedValuesIn, seedPassedParameters, type PassedParameters } from './parameter-values.js';

const NO_VALUES: ReadonlyMap<string, TraceNode> = new Map();

type Node = TSESTree.Node;

/** Where a file's exported function runs, as far as the project's other files show. */
export type Usage =
  | {
      readonly kind: 'serving';
      readonly servingKind: ServingKind;
      /** The serving root, with where it is: "Express route handler 'getUser' in src/routes/users.js:13". */
      readonly root: string;
      /** The helper that makes the call, when it is not the root: "method 'find' in src/users.service.ts:12". */
      readonly via: string | null;
      /** The function is itself the root: a framework registers it ("an Express route handler in src/routes.js:9"). */
      readonly registered?: boolean;
    }
  /** Called from other files, and only from code that does not serve (start-up, CLI, tests). */
  | { readonly kind: 'startup' }
  /** No call in the project's other files, or a use the analysis cannot follow (passed along, stored). */
  | { readonly kind: 'unknown' };

const UNKNOWN: Usage = { kind: 'unknown' };
const STARTUP: Usage = { kind: 'startup' };

/**
 * What an answer was computed from: the files it read itself (with their stamps) and the
 * dependencies of the cached answers it used, by reference: it is fresh while they are. Not copied
 * into each answer, so a chain of n files costs n entries, not n² (a 1,500-file import chain made
 * every answer carry every file of the chain). Holds no values: an answer dropped from its cache is
 * not kept alive by the answers that used it.
 */
interface Dependencies {
  readonly files: ReadonlyMap<string, FileStamp | null>;
  readonly uses: readonly Dependencies[];
  /** The value of `files.changes` when these files (and those of the uses) were last found unchanged. */
  checkedChanges: number;
}

/** A cached answer and what it was computed from. */
interface Cached<T> {
  readonly value: T;
  readonly dependencies: Dependencies;
  /** Set when an import cycle or the depth cap cut the answer short: how many times it has been computed so. */
  readonly passes?: number;
  /** For such an answer: how many look-ups deep it was computed (asked with more room, it is computed again). */
  readonly depth?: number;
  /** Cut short by the depth cap (not only by a cycle). */
  readonly capped?: boolean;
  /** For an answer a cycle cut short: the look-ups under way that cut it (it holds only while one of them is). */
  readonly cutBy?: ReadonlySet<string>;
}

/** What a computation under way has read so far. */
interface Collecting {
  readonly files: Map<string, FileStamp | null>;
  readonly uses: Set<Dependencies>;
}

interface AnalysedFile {
  readonly sourceCode: ProjectSourceCode;
  readonly analysis: FileAnalysis;
  /** Values the trace saw reach an expression or be returned by a function of the file. */
  readonly reached: ReadonlyMap<Node, TraceNode>;
}

/** How deep look-ups may nest across files (each file is one level), as function chains do. */
const MAX_FILE_DEPTH = MAX_DEPTH;

/**
 * The project model for one set of settings: per-file analyses of files that are not being linted,
 * what each file's exports are in trace terms (which block, which re-export blocking APIs), which
 * files may block at all, and where exported functions are called from. Everything is lazy and
 * cached with the stamps of the files it read, so an edited file is seen at the next look-up.
 */
export class ProjectView {
  readonly files: ProjectFiles;
  readonly settings: ExtensionSettings;
  readonly frameworks: readonly Frameworks[];
  readonly cwd: string;
  // ASTs and scopes are the bulk of the model's memory: only the most recently used are kept, and
  // rebuilt when asked again. The answers drawn from them (tries, paths, usages, roles) are kept.
  private readonly parsed = new BoundedCache<ProjectSourceCode | null>(parsedBudget, (sourceCode) => weightOf(sourceCode?.text));
  private readonly analysed = new BoundedCache<AnalysedFile | null>(analysedBudget, (analysed) => weightOf(analysed?.sourceCode.text));
  private readonly tries = new Map<string, Cached<TraceNode | null>>();
  /** Framework values each file exports, by framework table (its index in `frameworks`) and file. */
  private readonly frameworkTries = new Map<string, Cached<TraceNode | null>>();
  private readonly implementations = new Map<string, Cached<ReadonlyMap<string, TraceNode[]>>>();
  private readonly blocking = new Map<string, Cached<boolean>>();
  private readonly usages = new Map<string, Cached<Usage>>();
  private readonly roles = new Map<string, Cached<FileRole>>();
  private readonly applicationLoads = new Map<string, Cached<boolean>>();
  private readonly supervised = new Map<string, Cached<boolean>>();
  /** The names the files importing a service entry use (`null`: not one, or its exports may be anyone's). */
  private readonly entryImporters = new Map<string, Cached<Set<string> | null>>();
  /** Exported functions' blocking paths (per use filter) and whether running them blocks, by file and key. */
  private readonly paths = new Map<string, Cached<BlockingPath | null>>();
  private readonly runs = new Map<string, Cached<boolean>>();
  private readonly runningPaths = new Map<string, Cached<BlockingPath | null>>();
  private readonly passed = new Map<string, Cached<PassedParameters>>();
  private readonly passesTo = new Map<string, Cached<ReadonlySet<string>>>();
  private readonly passedModules = new Map<string, Cached<ReadonlyMap<string, TraceNode>>>();
  private readonly passedImportsCache = new Map<string, { readonly text: string; readonly files: string[] }>();
  private readonly hooks = new Map<string, Cached<boolean>>();
  /** What each computation under way has read, innermost last. */
  private readonly collecting: Collecting[] = [];
  private readonly inProgress = new Set<string>();
  /** The look-ups under way, outermost first; `partial` when an import cycle or the depth cap cut it short. */
  private readonly frames: { marker: string; partial: boolean; capped: boolean; cutBy: Set<string> | null }[] = [];
  private readonly cacheNames = new Map<object, number>();

  constructor(files: ProjectFiles, settings: ExtensionSettings, frameworks: readonly Frameworks[], cwd: string) {
    this.files = files;
    this.settings = settings;
    this.frameworks = frameworks;
    this.cwd = cwd;
  }

  // --- caching with dependencies ---------------------------------------------------------------

  private touch(file: string): void {
    const stamp = this.files.stamp(file);
    this.collecting.at(-1)?.files.set(file, stamp);
  }

  /** Whether none of the files an answer read, directly or through the answers it used, has changed. */
  private isFresh(dependencies: Dependencies): boolean {
    // Until some file is seen to change (`ProjectFiles` re-stats them between lints), every answer stands.
    const changes = this.files.changes;
    if (dependencies.checkedChanges === changes) return true;
    // Iterative: answers along a long import chain use each other thousands deep.
    const checked = new Set<Dependencies>([dependencies]);
    const stack: Dependencies[] = [dependencies];
    while (stack.length > 0) {
      const current = stack.pop()!;
      for (const [file, stamp] of current.files) {
        const now = this.files.stamp(file);
        if (now?.mtimeMs !== stamp?.mtimeMs || now?.size !== stamp?.size) return false;
      }
      for (const used of current.uses) {
        if (used.checkedChanges === changes || checked.has(used)) continue;
        checked.add(used);
        stack.push(used);
      }
    }
    // A file seen to change during the check (not one of these): the answers checked before it are not vouched for.
    if (this.files.changes !== changes) return this.isFresh(dependencies);
    for (const each of checked) each.checkedChanges = changes;
    return true;
  }

  /**
   * `compute` once per key while its files are unchanged; `fallback` for a look-up already under way
   * (an import cycle). An answer a cycle or the depth cap cut short is kept, and good enough inside
   * look-ups as deep or deeper (which are then cut short too). Asked with more room it is computed
   * again, so each key is computed at most once per depth; asked directly, by a linted file, up to
   * `MAX_PARTIAL_PASSES` times: from there the cycle is entered where the linted file enters it.
   */
  private cached<T>(cache: Map<string, Cached<T>>, key: string, fallback: T, compute: () => T): T {
    const cachedAnswer = cache.get(key);
    const found = cachedAnswer && this.isFresh(cachedAnswer.dependencies) ? cachedAnswer : undefined;
    if (found) {
      // Asked with more room than it had (a linted file asks directly, or a shallower look-up), a cut-short
      // answer is computed again, at most MAX_PARTIAL_PASSES times in all.
      if (found.passes === undefined || !this.asksForMore(found)) {
        if (found.passes !== undefined) {
          for (const frame of this.frames) {
            frame.partial = true;
            if (found.capped) frame.capped = true;
            if (found.cutBy) for (const cutter of found.cutBy) (frame.cutBy ??= new Set()).add(cutter);
          }
        }
        this.collecting.at(-1)?.uses.add(found.dependencies);
        return found.value;
      }
    }
    let names = this.cacheNames.get(cache);
    if (names === undefined) this.cacheNames.set(cache, (names = this.cacheNames.size));
    const marker = `${names}:${key}`;
    if (this.inProgress.has(marker)) {
      // An import cycle: the answers computed since the cycle's first look-up lack this part.
      const at = this.frames.findIndex((frame) => frame.marker === marker);
      for (let index = at + 1; index < this.frames.length; index++) {
        const frame = this.frames[index]!;
        frame.partial = true;
        (frame.cutBy ??= new Set()).add(marker);
      }
      return fallback;
    }
    // A file analysis dropped for memory and asked again is rebuilt whatever the depth: it was there before.
    if (this.frames.length > MAX_LOOKUP_DEPTH && !(cache instanceof BoundedCache)) {
      for (let index = 1; index < this.frames.length; index++) {
        this.frames[index]!.partial = true;
        this.frames[index]!.capped = true;
      }
      return fallback;
    }
    this.inProgress.add(marker);
    const frame = { marker, partial: false, capped: false, cutBy: null as Set<string> | null };
    this.frames.push(frame);
    const read: Collecting = { files: new Map(), uses: new Set() };
    this.collecting.push(read);
    const changesBefore = this.files.changes;
    let value: T;
    try {
      value = compute();
    } catch (error) {
      // Another file's code must never break the lint of this one: it contributes nothing.
      if (process.env.EVENT_LOOP_DEBUG) console.error(`event-loop: project model, ${key}:`, error);
      value = fallback;
    } finally {
      this.collecting.pop();
      this.frames.pop();
      this.inProgress.delete(marker);
    }
    // Read before any change seen during the computation: such an answer compares its stamps at its next use.
    const dependencies: Dependencies = { files: read.files, uses: [...read.uses], checkedChanges: changesBefore };
    if (frame.partial) cache.set(key, { value, dependencies, passes: (found?.passes ?? 0) + 1, depth: this.frames.length, capped: frame.capped, cutBy: frame.cutBy ?? undefined });
    else cache.set(key, { value, dependencies });
    this.collecting.at(-1)?.uses.add(dependencies);
    return value;
  }

  /**
   * Whether a look-up now has more room than a cut-short answer had: the depth cap cut it and it is
   * asked shallower (at most `MAX_DEPTH_PASSES` times), or a cycle cut it and a linted file asks for
   * it directly, or a look-up asks while none of the look-ups that cut it is under way (at most
   * `MAX_PARTIAL_PASSES` times; while one is, the cycle cuts it the same way).
   */
  private asksForMore(found: Cached<unknown>): boolean {
    const passes = found.passes ?? 0;
    if (found.capped) return passes < MAX_DEPTH_PASSES && this.frames.length < found.depth!;
    if (passes >= MAX_PARTIAL_PASSES) return false;
    // Inside another look-up, an answer a cycle cut holds while the look-up that cut it is under way: asked
    // when none is (a linted file met the cycle from another side first), it is computed again.
    return this.frames.length === 0 || (found.cutBy !== undefined && ![...found.cutBy].some((cutter) => this.inProgress.has(cutter)));
  }

  // --- files -----------------------------------------------------------------------------------

  sourceOf(file: string): ProjectSourceCode | null {
    return this.cached(this.parsed, file, null, () => {
      this.touch(file);
      const entry = this.files.entry(file);
      return entry ? parseProjectFile(file, entry.text) : null;
    });
  }

  /** The per-file analysis of another file, with the same deciders as a linted file. */
  analysisOf(file: string): AnalysedFile | null {
    return this.cached(this.analysed, file, null, () => {
      const sourceCode = this.sourceOf(file);
      if (!sourceCode) return null;
      const reached = new Map<Node, TraceNode>();
      const analysis = createFileAnalysis({
        sourceCode,
        filename: file,
        cwd: this.cwd,
        settings: this.settings,
        frameworks: this.frameworks,
        sourceType: undefined,
        typed: null,
        project: this.linkFor(file),
        onReach: (node, trace) => {
          // One expression may hold either of two values (`({ DatabaseSync } = bun ? shim : require('node:sqlite'))`): both.
          const before = reached.get(node);
          reached.set(node, before && before !== trace ? unionOf(before, trace) : trace);
        },
        crossFileInHelperCost: false,
        followPassedModules: false,
      });
      return { sourceCode, analysis, reached };
    });
  }

  /**
   * What importing `file` gives, as a trace trie: each exported function carries a payload that
   * says how calling it blocks (and lets the importer's calls be found), and exports that are
   * catalog values (`export const read = fs.readFileSync`, `export function getDb() { return db }`)
   * are those values. `null` for files that cannot block.
   */
  exportTrie(file: string): TraceNode | null {
    return this.cached(this.tries, file, null, () => (this.mayBlock(file) ? this.buildExportTrie(file) : null));
  }

  /**
   * Whether `file` is worth analysing for what its exports do: its text names a catalog module or
   * global, or a file it imports exports something that blocks. Files of plain logic are never
   * parsed, however many files import them.
   */
  mayBlock(file: string): boolean {
    return this.cached(this.blocking, file, false, () => {
      this.touch(file);
      const entry = this.files.entry(file);
      if (!entry) return false;
      if (mayReachRoots(entry.text, catalogFor(this.settings))) return true;
      const blocks = (trie: TraceNode | null) => trie !== null && trieBlocks(trie, () => this.frames.every((frame) => !frame.partial));
      if (this.files.dependencies(file).some((dependency) => blocks(this.exportTrie(dependency)))) return true;
      // An exported interface or abstract class: what the project's classes implementing it do.
      if (this.implementationsOf(file).size > 0) return true;
      // What other files pass to its functions (`require('./repo')(db)`, `new FileSystem(this)`): catalog values, or
      // instances of classes that name the catalog. Not asked whether those block: that would analyse the
      // passing file, which imports this one (a cycle cut short, the reports then order-dependent).
      return this.passedParameters(file).values.size > 0;
    });
  }

  private buildExportTrie(file: string): TraceNode | null {
    // A test file exports nothing to trace (its analysis says `test`): not parsed.
    if (isTestPath(file, this.cwd)) return null;
    const analysed = this.analysisOf(file);
    if (!analysed || analysed.analysis.ownRole !== 'application') return null;
    const { sourceCode, reached } = analysed;
    const exports = moduleExports(sourceCode, createValueResolver(sourceCode));
    const root = createTraceNode(true);
    const owned = new WeakSet<TraceNode>([root]);
    const nodeAt = (segments: readonly string[]): TraceNode => {
      let node = root;
      for (const segment of segments) {
        const next = segment === CALL_RESULT ? node.callResult : segment === CONSTRUCT_RESULT ? node.constructResult : node.children.get(segment);
        let child: TraceNode;
        if (next && owned.has(next)) child = next;
        else {
          // Never write into a trie shared with the catalog or another file: copy it first.
          child = next ? copyNode(next) : createTraceNode();
          owned.add(child);
          if (segment === CALL_RESULT) node.callResult = child;
          else if (segment === CONSTRUCT_RESULT) node.constructResult = child;
          else node.children.set(detached(segment), child);
        }
        node = child;
      }
      return node;
    };
    const resolver = createValueResolver(sourceCode);
    // Worked out now, from the AST: the payloads outlive it.
    const twinOf = (exportPath: readonly string[], fn: FunctionNode): string | null => {
      const last = exportPath.at(-1);
      if (!last) return null;
      for (const name of twinNames(last)) {
        const sibling = exports.functions.find((other) => !other.construct && other.path.length === exportPath.length && other.path.at(-1) === name && other.path.slice(0, -1).join('.') === exportPath.slice(0, -1).join('.'));
        if (sibling && fits(sibling.fn, fn.params.length) && returnsPromise(resolver, sibling.fn)) return detached(name);
      }
      return null;
    };
    for (const { path: exportPath, fn, construct, returnsInstance } of exports.functions) {
      if (returnsInstance) {
        // `Authenticator.getAuthenticator(ns).changepass()`: the instance's methods.
        const node = nodeAt(exportPath);
        node.callResult ??= nodeAt([...exportPath.slice(0, -1), CONSTRUCT_RESULT]);
        continue;
      }
      if (construct) {
        // `new Store()` runs the constructor: its payload is the class's construct entry.
        nodeAt(exportPath).constructs.push(this.functionPayload(file, detached(exportKey([...exportPath, CONSTRUCT_RESULT])), fn, null));
        continue;
      }
      const payload = this.functionPayload(file, detached(exportKey(exportPath)), fn, twinOf(exportPath, fn));
      nodeAt(exportPath).calls.push(payload);
      const returned = reached.get(fn);
      if (returned?.callResult) {
        const node = nodeAt(exportPath);
        node.callResult ??= returned.callResult;
      }
    }
    // Exported values the trace followed: re-exported blocking APIs, instances, imported functions passed on.
    for (const { path: exportPath, node } of exports.expressions) {
      const value = reached.get(node);
      if (!value || value === root) continue;
      if (exportPath.length === 0) {
        mergeInto(root, value);
        continue;
      }
      const parent = nodeAt(exportPath.slice(0, -1));
      const last = exportPath.at(-1)!;
      const existing = parent.children.get(last);
      if (!existing) parent.children.set(detached(last), value);
      else if (owned.has(existing)) mergeInto(existing, value);
    }
    // `class ChatRepo extends KVRepository` (imported): the base class's methods a subclass does not override are its instances' too.
    for (const { path: classPath, node } of exports.superClasses) {
      const inherited = reached.get(node)?.constructResult;
      if (inherited) mergeInto(nodeAt([...classPath, CONSTRUCT_RESULT]), inherited);
    }
    // `constructor(private db: IDatabaseConnector)`: an instance of any class of the project that implements it.
    for (const [name, implementers] of this.implementationsOf(file)) {
      const node = nodeAt([name]);
      const own = node.constructResult;
      node.constructResult = implementers.reduce((union, instance) => unionOf(union, instance), own ?? implementers[0]!);
    }
    this.addReexports(file, sourceCode, root, nodeAt);
    // `import x from './m'` binds an ES module's default export; of a CommonJS module, the module object.
    const esDefault = root.children.get('default');
    if (esDefault && !exports.commonJsDefault) root.esDefault = esDefault;
    else if (exports.commonJsDefault && !esDefault) root.children.set('default', root);
    return root;
  }

  /**
   * The framework values `file` exports for the framework table at `table` (`export const
   * publicProcedure = t.procedure`, `export default app`), as a trace trie; `null` when its text
   * names none of the table's modules, directly or through a project file it imports.
   */
  frameworkExports(file: string, table: number): TraceNode | null {
    const frameworks = this.frameworks[table];
    if (!frameworks) return null;
    return this.cached(this.frameworkTries, `${table}:${file}`, null, () => {
      this.touch(file);
      const text = this.files.entry(file)?.text;
      if (text === undefined || !EXPORTS.test(text)) return null;
      // Made here from a server framework's module (not a builtin such as `fs` or `events`, which
      // nearly every file imports), or re-exported from a file that makes one (a barrel).
      const imported = namesServerFramework(text, frameworks) ? null : BARREL.test(text) ? this.frameworkRoots(file, table) : new Map();
      if (imported !== null && imported.size === 0) return null;
      const sourceCode = this.sourceOf(file);
      if (!sourceCode) return null;
      const roots = { modules: new Map([...frameworks.modules, ...(imported ?? this.frameworkRoots(file, table))]), globals: frameworks.globals };
      return frameworkExportTrie(sourceCode, roots);
    });
  }

  /** Trace roots for the framework values the project files `file` imports export, by the specifier written. */
  frameworkRoots(file: string, table: number, specifiers: readonly string[] = this.files.specifiers(file)): Map<string, TraceNode> {
    const roots = new Map<string, TraceNode>();
    for (const specifier of specifiers) {
      const target = this.files.resolve(file, specifier);
      if (!target || target === file) continue;
      const trie = this.frameworkExports(target, table);
      if (trie) roots.set(specifier, trie);
    }
    return roots;
  }

  /**
   * Instances of the project's exported classes that implement (or extend) `file`'s exported
   * interfaces and abstract classes and can block, by interface name: `class SQLite3 implements
   * IDatabaseConnector` in a file importing it. Read from the importers' texts; only those naming one
   * after `implements`/`extends` are analysed.
   */
  private implementationsOf(file: string): ReadonlyMap<string, TraceNode[]> {
    return this.cached(this.implementations, file, NO_IMPLEMENTATIONS, () => {
      this.touch(file);
      const text = this.files.entry(file)?.text;
      const names = text === undefined ? new Set<string>() : exportedAbstractions(text);
      if (names.size === 0) return NO_IMPLEMENTATIONS;
      const found = new Map<string, TraceNode[]>();
      const nameTests = [...names].map((name) => ({ name, test: new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`) }));
      const pattern = /\bexport\s+(?:default\s+)?(?:abstract\s+)?class\s+([\w$]+)([^{]*)\{/g;
      for (const importer of this.files.importersOf(file).slice(0, MAX_IMPORTERS)) {
        if (!this.files.declaresHeritage(importer)) continue;
        this.touch(importer);
        const importerText = this.files.entry(importer)?.text;
        if (importerText === undefined) continue;
        for (const match of importerText.matchAll(pattern)) {
          const heritage = match[2]!;
          const named = nameTests.filter(({ test }) => test.test(heritage)).map(({ name }) => name);
          if (named.length === 0 || !/\b(?:implements|extends)\b/.test(heritage)) continue;
          const instance = this.exportTrie(importer)?.children.get(match[1]!)?.constructResult;
          if (!instance || !trieBlocks(instance, () => this.frames.every((frame) => !frame.partial))) continue;
          for (const name of named) {
            const list = found.get(name);
            if (list) list.push(instance);
            else found.set(name, [instance]);
          }
        }
      }
      return found;
    });
  }

  /**
   * What the project's importers of `file` pass to its exported functions and constructors, where the
   * value is known without analysing them (so no import cycle runs through it): catalog instances
   * (`new Repo(new Database(path))`) and `this` of the caller's class (`new FileSystem(this)`).
   */
  passedParameters(file: string): PassedParameters {
    return this.cached(this.passed, file, NO_PASSED_PARAMETERS, () => {
      this.touch(file);
      const importers = this.files.importersOf(file).slice(0, MAX_IMPORTERS).filter((importer) => this.passedValuesTargets(importer).has(file));
      if (importers.length === 0) return NO_PASSED_PARAMETERS;
      const marker = this.parameterMarker(file);
      if (!marker) return NO_PASSED_PARAMETERS;
      const catalog = catalogFor(this.settings);
      const lists = new Map<string, TraceNode[]>();
      const from = new Set<string>();
      for (const importer of importers) {
        const importerSource = this.sourceOf(importer);
        if (!importerSource) continue;
        const specifiers = this.files.specifiers(importer).filter((specifier) => this.files.resolve(importer, specifier) === file);
        const roots = { modules: new Map([...catalog.modules, ...specifiers.map((specifier) => [specifier, marker] as const)]), globals: catalog.globals };
        const passesThis = mayReachRoots(importerSource.text, catalog);
        const found = passedValuesIn(importerSource, roots, file, passesThis ? (key, fn) => this.functionPayload(importer, detached(key), fn, null) : null);
        if (found.size > 0) from.add(importer);
        addLists(lists, found);
      }
      return lists.size === 0 ? NO_PASSED_PARAMETERS : { values: unionsOf(lists), from };
    });
  }

  /** `file`'s exported functions that take parameters, marked in a trie of its exports (`null`: none, or it does not parse). */
  private parameterMarker(file: string): TraceNode | null {
    const sourceCode = this.sourceOf(file);
    if (!sourceCode) return null;
    const exports = moduleExports(sourceCode, createValueResolver(sourceCode));
    const functions = functionsWithParameters(exports);
    return functions.length === 0 ? null : markerTrie(file, exports, functions);
  }

  /**
   * What importers pass to `file`'s exported functions, the project's own modules included: another
   * file's exports (`createConfigRoutes({ configModule })` with `configModule = require('./configModule')`),
   * and what an importer was passed itself and hands on (`registerRoutes(app, deps)` passing
   * `deps.configModule` along). Asked by a linted file only: the export tries never depend on it, so
   * it can trace importers with the export tries of their imports without a cycle through `file`'s.
   */
  passedValues(file: string): ReadonlyMap<string, TraceNode> {
    return this.cached(this.passedModules, file, NO_VALUES, () => {
      this.touch(file);
      const parameters = this.passedParameters(file).values;
      const importers = this.files.importersOf(file).slice(0, MAX_IMPORTERS).filter((importer) => this.passesModules(importer, file));
      if (importers.length === 0) return parameters;
      const marker = this.parameterMarker(file);
      if (!marker) return parameters;
      const catalog = catalogFor(this.settings);
      const lists = new Map<string, TraceNode[]>();
      for (const [key, value] of parameters) lists.set(key, [value]);
      for (const importer of importers) {
        const importerSource = this.sourceOf(importer);
        if (!importerSource) continue;
        const modules = new Map(catalog.modules);
        for (const specifier of this.files.specifiers(importer)) {
          const target = this.files.resolve(importer, specifier);
          if (!target || target === importer) continue;
          const trie = target === file ? marker : this.exportTrie(target);
          if (trie) modules.set(specifier, trie);
        }
        const own = this.passedValues(importer);
        const seed = own.size > 0 ? (tracer: Tracer) => seedPassedParameters(importerSource, own, tracer) : undefined;
        addLists(lists, passedValuesIn(importerSource, { modules, globals: catalog.globals }, file, null, seed));
      }
      return lists.size === 0 ? parameters : unionsOf(lists);
    });
  }

  /**
   * Whether `importer` may pass `file` another project module: application code that imports `file`
   * and a module whose exports can block, or was passed values itself. Read off the text and the
   * import graph, so most importers are not parsed for it.
   */
  private passesModules(importer: string, file: string): boolean {
    // Its text decides: an edit that starts passing a module must be seen by the next lint of `file`.
    this.touch(importer);
    const text = this.files.entry(importer)?.text;
    if (text === undefined || isTestPath(importer, this.cwd)) return false;
    const passed = this.passedImports(importer, text);
    if (passed.some((dependency) => dependency !== file && dependency !== importer && this.mayBlock(dependency))) return true;
    return this.files.importersOf(importer).length > 0 && this.passedValues(importer).size > 0;
  }

  /**
   * The project files whose imports `importer` writes where an argument or a property value goes
   * (`f(db)`, `{ configModule }`, `{ robot: new RoborockRobot() }`), read off its text: only those can be
   * what it passes along, so an importer that passes none of its imports is never parsed for it.
   */
  private passedImports(importer: string, text: string): string[] {
    const cached = this.passedImportsCache.get(importer);
    if (cached && cached.text === text) return cached.files;
    const { modules, classes } = importBindings(text);
    const files: string[] = [];
    if (modules.size > 0 || classes.size > 0) {
      const code = text.replace(COMMENT, ' ').replace(IMPORT_STATEMENT, '');
      for (const match of code.matchAll(ARGUMENT_NAME)) {
        // `new Robot(` of any imported name; a bare name only of a whole module.
        const specifier = match[1] !== undefined ? (classes.get(match[1]) ?? modules.get(match[1])) : modules.get(match[2]!);
        const target = specifier === undefined ? null : this.files.resolve(importer, specifier);
        if (target && !files.includes(target)) files.push(target);
      }
    }
    this.passedImportsCache.set(importer, { text, files });
    return files;
  }

  /**
   * The project files `importer` passes a known value to (a catalog instance, its own `this`), found
   * in one trace with every imported file's exports marked as a whole: only those files are parsed
   * to find which parameter gets what.
   */
  private passedValuesTargets(importer: string): ReadonlySet<string> {
    return this.cached(this.passesTo, importer, NO_FILES, () => {
      this.touch(importer);
      const text = this.files.entry(importer)?.text;
      const catalog = catalogFor(this.settings);
      if (text === undefined) return NO_FILES;
      // Only `this` of a class that uses the catalog itself (telling whether methods of any other class
      // block would mean analysing files that name no blocking API) and catalog instances are looked for:
      // a file passing neither is not parsed.
      const passesThis = PASSES_THIS_TO_CONSTRUCTOR.test(text) && mayReachRoots(text, catalog);
      if (!passesThis && !mayReachRoots(text, instanceMakingRoots(catalog))) return NO_FILES;
      const markers = new Map<string, TraceNode>();
      for (const specifier of this.files.specifiers(importer)) {
        const target = this.files.resolve(importer, specifier);
        if (target && target !== importer) markers.set(specifier, anyExportMarker(target));
      }
      if (markers.size === 0) return NO_FILES;
      const sourceCode = this.sourceOf(importer);
      // What tests pass (mocks, fixtures' databases) is not what the service runs with.
      if (!sourceCode || fileRole(importer, this.cwd, sourceCode.ast, text, this.settings.workerFiles) !== 'application') return NO_FILES;
      const roots = { modules: new Map([...catalog.modules, ...markers]), globals: catalog.globals };
      return filesPassedValues(sourceCode, roots, passesThis);
    });
  }

  /** `export * from './x'` and `export { a as b } from './x'`: the other file's exports, as its own. */
  private addReexports(file: string, sourceCode: ProjectSourceCode, root: TraceNode, nodeAt: (segments: readonly string[]) => TraceNode): void {
    for (const statement of sourceCode.ast.body) {
      if ((statement.type !== 'ExportAllDeclaration' && statement.type !== 'ExportNamedDeclaration') || !statement.source) continue;
      if (statement.exportKind === 'type') continue;
      const target = this.files.resolve(file, statement.source.value);
      const trie = target ? this.exportTrie(target) : null;
      if (!trie) continue;
      if (statement.type === 'ExportAllDeclaration') {
        if (statement.exported) {
          const exportedName = statement.exported as { type: string; name?: string; value?: unknown };
          const name = exportedName.type === 'Identifier' ? exportedName.name! : String(exportedName.value);
          if (!root.children.has(name)) root.children.set(detached(name), trie);
          continue;
        }
        for (const [name, child] of trie.children) if (name !== 'default' && !root.children.has(name)) root.children.set(name, child);
        continue;
      }
      for (const specifier of statement.specifiers) {
        if (specifier.exportKind === 'type') continue;
        const local = specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
        const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
        const value = local === 'default' ? (trie.children.get('default') ?? trie) : trie.children.get(local);
        if (value && !root.children.has(exported)) root.children.set(detached(exported), value);
        else if (value) mergeInto(nodeAt([exported]), value);
      }
    }
  }

  /**
   * The payload of an exported function. Its blocking path (per use filter) and whether running it
   * blocks are look-ups like the others: worked out from the file's analysis when first asked, kept
   * with what they read, so a payload holds no AST.
   */
  private functionPayload(file: string, key: string, fn: FunctionNode, twin: string | null): ProjectFunctionPayload {
    const relative = this.files.relative(file);
    const [start, end] = fn.range;
    // Names and labels are copied out of the file's text: a kept slice would keep the whole text.
    const inFile = (own: BlockingPath | null): BlockingPath | null =>
      own ? { ...own, owner: own.owner === null ? null : detached(own.owner), steps: own.steps.map((step) => (step.file ? step : { ...step, label: detached(step.label), file: relative })) } : null;
    const inAnalysis = <T>(fallback: T, answer: (analysis: FileAnalysis, at: FunctionNode) => T): T => {
      const analysed = this.analysisOf(file);
      const at = analysed && functionAt(analysed.sourceCode, start, end);
      return at ? answer(analysed.analysis, at) : fallback;
    };
    return {
      kind: 'project-function',
      file,
      key,
      when: undefined,
      twin: () => twin,
      runsBlocking: () => this.cached(this.runs, `${file}\0${key}`, false, () => inAnalysis(false, (analysis, at) => analysis.reachesBlocking(at))),
      blockingPath: (filter: UseFilter) =>
        this.cached(this.paths, `${file}\0${key}\0${filter.key}`, null, () =>
          inAnalysis(null, (analysis, at) => inFile(analysis.summaries(filter).blockingPath(at))),
        ),
      runningPath: (filter: UseFilter) =>
        this.cached(this.runningPaths, `${file}\0${key}\0${filter.key}`, null, () =>
          inAnalysis(null, (analysis, at) => inFile(analysis.summaries(filter).runningPath(at))),
        ),
    };
  }

  // --- who calls a file's exports --------------------------------------------------------------

  /**
   * Where the function exported as `key` from `file` is called in the project's other files:
   * the first serving call (importers in path order), else start-up only when every use found is
   * a call from code that does not serve, else unknown. Re-exporting files are followed.
   */
  usage(file: string, key: string): Usage {
    return this.cached(this.usages, `${file}\0${key}`, UNKNOWN, () => this.findUsage(file, key));
  }

  private findUsage(file: string, key: string): Usage {
    let sawCall = false;
    const visited = new Set<string>([file]);
    const queue = [...this.files.importersOf(file), ...this.receiversOf(file)];
    // The name the function is called by (`save` of `Store.new().save`): a file whose text lacks it
    // cannot call it, and is not parsed (`default` exports go by any local name).
    const name = key.split('.').filter((segment) => segment !== 'new()' && segment !== '()').at(-1) ?? 'default';
    // A constructor is called by `new Name` or a subclass's `super()`: files that only name the class in a type are not read.
    const constructs = key.endsWith('.new()');
    // The bound counts the files read, not the ones a text check rules out: a class imported through a
    // barrel by hundreds of files is still found in the one that calls it.
    let examined = 0;
    for (let index = 0; index < queue.length && examined < MAX_IMPORTERS; index++) {
      const importer = queue[index]!;
      if (visited.has(importer)) continue;
      visited.add(importer);
      this.touch(importer);
      const text = this.files.entry(importer)?.text;
      if (text === undefined) continue;
      const mayCall = name === 'default' || name === '<module>' || (constructs ? mayConstruct(text, name) : text.includes(name)) || DISPATCH.test(text);
      // A barrel, or a factory handing out instances (`return new FileStore(dir)`): its importers may call it.
      const mayReexport = REEXPORTS.test(text) || FACTORIES.test(text) || (MAKES_AND_RETURNS.test(text) && RETURNS_LOCAL.test(text));
      if (!mayCall && !mayReexport) continue;
      examined++;
      // A test file's analysis has no hits and is not a script's: not parsed for it.
      const analysed = mayCall && !isTestPath(importer, this.cwd) ? this.analysisOf(importer) : null;
      let reexported = false;
      const analysis = analysed?.analysis;
      // A command-line entry (`cli.ts` running `server.start()`) is not traced, as nothing in it serves:
      // naming the function there is a start-up call. Tests say nothing either way.
      if (analysis?.ownRole === 'script' && (name === 'default' || name === '<module>' ? callsModuleFunction(text, file) : true)) sawCall = true;
      for (const hit of analysis?.projectHits ?? []) {
        if (hit.payload.file !== file || hit.payload.key !== key) continue;
        let call: Node | null = hit.call;
        if (!call) {
          // Passed along, not called here: registered as a handler, or handed to a function that calls it.
          const passed = analysis!.passedValueUse(hit.reference);
          if (!passed) {
            // Handed to a function of a third file (`require('./routes')(app, saveConfig)`): where that one calls it.
            const handedOn = this.handedToProjectFunction(importer, analysed!, hit.reference);
            const there = handedOn ? this.parameterUsage(handedOn.file, handedOn.key, handedOn.index) : UNKNOWN;
            return there.kind === 'serving' ? there : UNKNOWN;
          }
          const where = `${this.files.relative(importer)}:${passed.at.loc.start.line}`;
          if ('registeredAs' in passed) return { kind: 'serving', servingKind: 'route-handler', root: detached(`${article(passed.registeredAs)} ${passed.registeredAs} in ${where}`), via: null, registered: true };
          // A hand-off the file runs outside serving code says too little to call the function start-up code.
          if (!passed.serving) return UNKNOWN;
          call = passed.at;
        }
        sawCall = true;
        const serving = analysis!.context.contextOf(call);
        if (serving) return this.servingUsage(serving, analysis!, importer, call);
      }
      // A file that passes the export on (a barrel): its importers call it too.
      const trie = mayReexport ? this.exportTrie(importer) : null;
      if (trie && carries(trie, file, key)) reexported = true;
      if (reexported) for (const next of this.files.importersOf(importer)) if (!visited.has(next)) queue.push(next);
    }
    // Loaded by a computed path (a migration runner, a plugin loader): it runs where the loading does.
    const hook = memberNameOf(key);
    const loads = this.files.loadersOf(file).map((loader) => ({ loader, loaded: file }));
    for (let index = 0; index < loads.length && index < MAX_IMPORTERS; index++) {
      const { loader, loaded } = loads[index]!;
      if (visited.has(loader)) continue;
      visited.add(loader);
      this.touch(loader);
      const analysed = this.analysisOf(loader);
      if (!analysed) continue;
      for (const load of computedLoadCalls(this.files, analysed.sourceCode, loader, loaded)) {
        const serving = analysed.analysis.context.contextOf(load);
        if (serving?.kind === 'async-function' && !serving.servingRoot) {
          // An async loader (`async function migrate()`): it runs where its own callers are.
          const outer = this.exportedFunctionUsage(loader, analysed.sourceCode, serving.root);
          if (outer.kind === 'serving') return outer;
          if (outer.kind === 'unknown') return this.servingUsage(serving, analysed.analysis, loader, load);
        } else if (serving) return this.servingUsage(serving, analysed.analysis, loader, load);
        if (loadedValueEscapes(analysed.sourceCode, load)) {
          // A hook the loader itself runs on what it loads (`new p()`, then `plugin.init()`): start-up, as the loading is.
          if (hook !== null && loadTimeCalls(analysed.sourceCode, load).has(hook)) {
            sawCall = true;
            continue;
          }
          // Kept in a registry that the loader, or a module it imports, looks it up in while serving (`client.commands.get(name).execute(interaction)`).
          const lookedUp = hook === null ? null : this.registryLookupUsage(loader, hook);
          if (lookedUp) return lookedUp;
          // Kept in a module that is itself loaded at start-up (`apps[name] = (await import(…)).x; export { apps }`): its loaders decide.
          const onward = this.files.loadersOf(loader);
          if (onward.length === 0) {
            // Loaded by a path the index cannot read (`import(File.path)`): a loader of the project that runs the hook at start-up.
            if (hook !== null && this.files.importersOf(loader).length === 0 && this.mayBeLoadedUnseen(loader) && this.startupLoaderRuns(hook)) {
              sawCall = true;
              continue;
            }
            return UNKNOWN;
          }
          for (const next of onward) loads.push({ loader: next, loaded: loader });
          continue;
        }
        // Bound to a local the loader calls the member on: it runs where that call is (`client.on(name, (...args) => event.execute(...args))`).
        if (hook !== null) {
          for (const call of loadedMemberCalls(analysed.sourceCode, load, hook)) {
            const serving = this.servingCall(loader, analysed, call);
            if (serving) return serving;
          }
        }
        sawCall = true;
      }
    }
    // Imported by no file and loaded by none the index can read: so loaded by a path it cannot read.
    if (!sawCall && hook !== null && loads.length === 0 && queue.length === 0 && this.mayBeLoadedUnseen(file) && this.startupLoaderRuns(hook)) return STARTUP;
    return sawCall ? STARTUP : UNKNOWN;
  }

  /** Where the loader, or a project module it imports, calls `hook` on a registry lookup while serving (`null`: nowhere). */
  private registryLookupUsage(loader: string, hook: string): Usage | null {
    const member = new RegExp(`\\.${escapeRegExp(hook)}\\s*(?:\\?\\.\\s*)?\\(`);
    // The loader, what it imports, and what it loads (`events/messageCreate.js` looking up `client.commands`).
    for (const file of [...new Set([loader, ...this.files.dependencies(loader), ...this.files.loadedBy(loader)])].slice(0, MAX_IMPORTERS)) {
      this.touch(file);
      const text = this.files.entry(file)?.text;
      if (text === undefined || !member.test(text)) continue;
      const analysed = this.analysisOf(file);
      if (!analysed) continue;
      for (const call of registryMemberCalls(analysed.sourceCode, hook)) {
        const serving = this.servingCall(file, analysed, call);
        if (serving) return serving;
      }
    }
    return null;
  }

  /**
   * The usage of a call in `file` when it runs while serving: in a serving root, or in an exported
   * function whose callers serve (`async function onInteraction(client, interaction)`); `null` otherwise.
   */
  private servingCall(file: string, analysed: AnalysedFile, call: Node): Usage | null {
    const where = analysed.analysis.context.contextOf(call);
    if (where && (where.kind !== 'async-function' || where.servingRoot)) return this.servingUsage(where, analysed.analysis, file, call);
    const caller = where?.root ?? analysed.analysis.context.functionOf(call);
    const outer = caller ? this.exportedFunctionUsage(file, analysed.sourceCode, caller) : UNKNOWN;
    return outer.kind === 'serving' ? outer : null;
  }

  /** A project file on disk that nothing imports and that is no entry of its own (not the service, no server, no tool). */
  private mayBeLoadedUnseen(file: string): boolean {
    this.touch(file);
    return this.files.entry(file) !== null && !this.files.isServiceEntry(file) && !this.files.isToolingEntry(file) && !this.startsServer(file);
  }

  /**
   * Whether some loader of the project, loading modules by a path that is not a literal at start-up,
   * calls a member `hook` on what it loads (`plugin.init()`): the hook of modules it may load runs then.
   */
  private startupLoaderRuns(hook: string): boolean {
    return this.cached(this.hooks, hook, false, () => {
      for (const loader of this.files.computedLoaders().slice(0, MAX_IMPORTERS)) {
        this.touch(loader);
        const text = this.files.entry(loader)?.text;
        if (text === undefined || !text.includes(hook)) continue;
        const analysed = this.analysisOf(loader);
        if (!analysed) continue;
        for (const load of dynamicLoadCalls(analysed.sourceCode)) {
          if (!loadTimeCalls(analysed.sourceCode, load).has(hook)) continue;
          const serving = analysed.analysis.context.contextOf(load);
          if (!serving) return true;
          if (serving.kind === 'async-function' && !serving.servingRoot && this.exportedFunctionUsage(loader, analysed.sourceCode, serving.root).kind === 'startup') return true;
        }
      }
      return false;
    });
  }

  /** Files this one passes `this` to (`new FileSystem(this)`): they call its methods. */
  private receiversOf(file: string): string[] {
    const text = this.files.entry(file)?.text;
    if (text === undefined || !PASSES_THIS_TO_CONSTRUCTOR.test(text)) return [];
    return this.files.dependencies(file).filter((dependency) => this.passedParameters(dependency).from.has(file));
  }

  /**
   * The other project file's function a value is passed to as an argument, and at which position:
   * `configure(app, save)` with `configure` imported, `require('./routes')(app, save)`. Found
   * without its export trie: a file that only registers routes names no blocking API.
   */
  private handedToProjectFunction(importer: string, { sourceCode, analysis }: AnalysedFile, value: Node): { file: string; key: string; index: number } | null {
    const call = value.parent;
    if (call?.type !== 'CallExpression') return null;
    const index = call.arguments.indexOf(value as TSESTree.CallExpressionArgument);
    if (index < 0 || call.arguments.slice(0, index).some((argument) => argument.type === 'SpreadElement')) return null;
    const traced = analysis.projectHits.find((hit) => hit.call === call);
    if (traced) return { file: traced.payload.file, key: traced.payload.key, index };
    const imported = importedBinding(sourceCode, call.callee);
    const file = imported ? this.files.resolve(importer, imported.specifier) : null;
    return file ? { file, key: imported!.key, index } : null;
  }

  /**
   * Where the function exported as `key` from `file` calls its parameter `index`: serving when a
   * call of it runs in serving code (a route handler registered inside the function), else unknown.
   */
  parameterUsage(file: string, key: string, index: number): Usage {
    return this.cached(this.usages, `${file}\0${key}\0(${index})`, UNKNOWN, () => {
      const analysed = this.analysisOf(file);
      if (!analysed) return UNKNOWN;
      const { sourceCode, analysis } = analysed;
      const exported = moduleExports(sourceCode, createValueResolver(sourceCode)).functions.find((each) => functionKey(each) === key);
      const parameter = exported?.fn.params[index];
      const name = parameter?.type === 'Identifier' ? parameter.name : parameter?.type === 'AssignmentPattern' && parameter.left.type === 'Identifier' ? parameter.left.name : null;
      const variable = name === null ? undefined : sourceCode.getDeclaredVariables(exported!.fn).find((each) => each.name === name);
      for (const reference of variable?.references ?? []) {
        const call = reference.identifier.parent;
        if (call?.type !== 'CallExpression' || call.callee !== reference.identifier) continue;
        const serving = analysis.context.contextOf(call);
        if (serving) return this.servingUsage(serving, analysis, file, call);
      }
      return UNKNOWN;
    });
  }

  /** The usage of `fn` when `file` exports it (`unknown` otherwise). */
  private exportedFunctionUsage(file: string, sourceCode: ProjectSourceCode, fn: FunctionNode): Usage {
    const exported = moduleExports(sourceCode, createValueResolver(sourceCode)).functions.find((each) => each.fn === fn);
    return exported ? this.usage(file, functionKey(exported)) : UNKNOWN;
  }

  /** "Express route handler 'getUser' in src/routes/users.js:13", with the helper in between when there is one. */
  private servingUsage(serving: ServingContext, analysis: FileAnalysis, importer: string, call: Node): Usage {
    const where = `${this.files.relative(importer)}:${call.loc.start.line}`;
    if (!serving.servingRoot) return { kind: 'serving', servingKind: serving.kind, root: detached(`${serving.description.replace(/^inside /, '')} in ${where}`), via: null };
    const caller = analysis.context.functionOf(call);
    const via = caller ? `${describeFunction(caller, caller.async ? 'async ' : '')} in ${where}` : where;
    return { kind: 'serving', servingKind: serving.kind, root: detached(serving.servingRoot), via: detached(via) };
  }

  /**
   * A file only command-line entries, tests, build tooling or worker entries import has their role, and so
   * has one another file starts by path in a thread or process (a worker's task, a forked consumer); a server entry
   * under `bin/` (it listens) still serves. Files nobody imports keep their own role.
   */
  roleOf(file: string, own: FileRole): FileRole {
    if (own !== 'application') return own;
    return this.cached(this.roles, file, own, () => {
      const importers = this.files.importersOf(file);
      // What the package runs as its service serves, even when its `bin` entry requires it; so does a server.
      if (this.files.isServiceEntry(file) || this.startsServer(file) || this.startedBySupervisor(file)) return own;
      // A file another starts by path in a thread or process (that serves nothing) runs off this event loop.
      const starters = this.files.startersOf(file);
      for (const starter of starters) this.touch(starter);
      let tooling: FileRole | null =
        starters.length > 0 && !this.startedBySupervisor(file) && !this.files.dependencies(file).some((dependency) => this.startsServer(dependency)) ? 'worker' : null;
      // A program package.json runs as tooling (`"deploy": "node deploy.js"`) is a command-line tool.
      // So is a program run on its own (it reads its arguments) that neither it nor what it imports serves from.
      if (importers.length === 0) return tooling ?? (this.files.isToolingEntry(file) || this.isStandaloneProgram(file) ? 'script' : own);
      for (const importer of importers) {
        const role = this.importerRole(importer);
        if (role === null || role === 'application') return own;
        // A module only worker entries load runs in those threads, never on the main event loop.
        tooling = tooling === 'worker' || role === 'worker' ? 'worker' : (tooling ?? role);
      }
      // Route and controller modules that only tests import are loaded another way (a glob, a virtual module).
      if (tooling === 'test' && this.namesFrameworkModule(file)) return own;
      return tooling ?? own;
    });
  }

  /** The role an importer gives the files it imports (`null`: it cannot be read, so it may serve). */
  private importerRole(importer: string): FileRole | null {
    this.touch(importer);
    const text = this.files.entry(importer)?.text;
    if (text === undefined) return null;
    // Most importers' roles follow from their path and text: those are not parsed.
    const sourceCode = roleNeedsSyntax(text) ? this.sourceOf(importer) : null;
    if (!sourceCode && roleNeedsSyntax(text)) return null;
    const ownRole = fileRoleWithReason(importer, this.cwd, sourceCode?.ast ?? NO_STATEMENTS, text, this.settings.workerFiles);
    let role = ownRole.role;
    // An importer that starts a server serves, whatever starts it (`bin/start.js` → `web-server.js` → `listen`);
    // so does the package's service entry, even with a shebang (`"main"` and `"start": "node index.js"`).
    if ((role === 'script' || role === 'application') && (STARTS_SERVER.test(text) || this.files.isServiceEntry(importer))) return 'application';
    // A module under `scripts/` (by its path) that other files import is what they make of it:
    // `scripts/app.ts` builds the Koa app that `scripts/worker.ts` listens with.
    if (role === 'script' && ownRole.provisional && this.loadedByApplication(importer, ownRole.provisional)) role = 'application';
    else if (role === 'script' && this.files.importersOf(importer).length > 0) role = this.roleOf(importer, 'application');
    return role === 'application' ? this.roleOf(importer, role) : role;
  }

  /**
   * Whether a file that is a script only by its folder (`scripts/cmds/ping.js`), its argument parser or its
   * shebang is application code: the package's supervisor runs it as the service, it starts a server (by its
   * parser or shebang), a shebang program is the package's service entry, or (by its folder only) application
   * code imports it or loads it by a computed path (a bot's command loader listing the folder).
   */
  loadedByApplication(file: string, reason: ProvisionalScript): boolean {
    if (this.startedBySupervisor(file)) return true;
    // A program that starts a server serves, whatever else it does with its arguments (`new Command()` next to
    // `http.createServer(…)`); so does a shebang program the package runs as its service (`"start": "node webui.js"`).
    if (reason !== 'folder' && this.startsServer(file)) return true;
    if (reason === 'entry') return this.files.isServiceEntry(file);
    // A command-line tool (it parses arguments) that the application imports is still one: its commands start things.
    if (reason === 'parser') return false;
    return this.cached(this.applicationLoads, file, false, () =>
      [...this.files.importersOf(file), ...this.files.loadersOf(file)].some((importer) => importer !== file && this.importerRole(importer) === 'application'),
    );
  }

  /**
   * Whether the package's service entry only supervises `file`: it starts it in a process and starts it
   * again when it exits, and serves nothing itself (`spawn('node', ['Goat.js'])`, then `child.on('close', start)`).
   * The file is then the service, not a worker.
   */
  private startedBySupervisor(file: string): boolean {
    return this.cached(this.supervised, file, false, () =>
      this.files.startersOf(file).some((starter) => {
        this.touch(starter);
        const text = this.files.entry(starter)?.text;
        return text !== undefined && this.files.isServiceEntry(starter) && RESTARTS_CHILD.test(text) && !this.startsServer(starter);
      }),
    );
  }

  private servingText: ((text: string) => boolean) | undefined;

  private isStandaloneProgram(file: string): boolean {
    if (this.files.loadersOf(file).length > 0) return false;
    return isStandaloneProgram(file, {
      text: (current) => {
        this.touch(current);
        return this.files.entry(current)?.text;
      },
      dependencies: (current) => this.files.dependencies(current),
      serves: (_current, text) => STARTS_SERVER.test(text) || (this.servingText ??= servingTextTest(this.frameworks.flatMap((table) => [...table.modules.keys()])))(text),
    });
  }

  private frameworkModules: RegExp | undefined;

  /** Whether the file imports a server framework (`express`, `awilix-express`, `@nestjs/common`…). */
  private namesFrameworkModule(file: string): boolean {
    const text = this.files.entry(file)?.text;
    if (text === undefined) return false;
    this.frameworkModules ??= new RegExp(
      `(['"\`])(?:${[...new Set(this.frameworks.flatMap((table) => [...table.modules.keys()]))].map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?:/[^'"\`]*)?\\1`,
    );
    return this.frameworkModules.test(text);
  }

  /** Whether the file's text starts a server (`listen(…)`, `createServer(…)`). */
  private startsServer(file: string): boolean {
    this.touch(file);
    const text = this.files.entry(file)?.text;
    return text !== undefined && STARTS_SERVER.test(text);
  }

  /**
   * Whether nothing but `file` can call its export `name`: `file` is the package's service entry (its
   * `main` or `start` program, or a file that starts a server), so its exports are no library's API, and
   * no project file that imports it names `name` or re-exports it wholesale (or loads it by a computed path).
   */
  exportUncalled(file: string, name: string): boolean {
    const importers = this.cached(this.entryImporters, file, null, () => {
      // Not the service entry, or loaded by a computed path: its exports may be anyone's.
      if ((!this.files.isServiceEntry(file) && !this.startsServer(file)) || this.files.loadersOf(file).length > 0) return null;
      const names = new Set<string>();
      for (const importer of this.files.importersOf(file)) {
        this.touch(importer);
        const text = this.files.entry(importer)?.text;
        // One that re-exports it wholesale passes every export on.
        if (text === undefined || EXPORT_ALL.test(text)) return null;
        for (const word of text.matchAll(WORD)) names.add(detached(word[0]));
      }
      return names;
    });
    return importers !== null && !importers.has(name);
  }

  linkFor(file: string): ProjectLink {
    return createLink(this, file);
  }
}

/**
 * Whether a (command-line) file's text calls the function `file` exports as its module or default:
 * `require('./server')(…)`, or the name it is bound to by `require` or a default import, called.
 * Any name can be a default export's, so naming one says nothing; calling the binding does.
 */
function callsModuleFunction(text: string, file: string): boolean {
  const base = escapeRegExp(path.basename(file).replace(/\.[cm]?[jt]sx?$/, ''));
  const specifier = `['"\`][^'"\`]*\\b${base}(?:\\.[cm]?[jt]sx?)?['"\`]`;
  if (new RegExp(`\\brequire\\s*\\(\\s*${specifier}\\s*\\)\\s*\\(`).test(text)) return true;
  const bound = new RegExp(`(?:\\b(?:const|let|var)\\s+([\\w$]+)\\s*=\\s*require\\s*\\(\\s*|\\bimport\\s+([\\w$]+)\\s+from\\s*)${specifier}`).exec(text);
  const name = bound?.[1] ?? bound?.[2];
  return name !== undefined && new RegExp(`(?<![\\w$.])${escapeRegExp(name)}\\s*\\(`).test(text);
}

const EXPORT_ALL = /\bexport\s*\*/;
const WORD = /[\w$]+/g;

/** A child process started again when it exits: `child.on('close', …)`, `p.on('exit', …)`. */
const RESTARTS_CHILD = /\.on\(\s*['"](?:exit|close)['"]/;
/** How many importers one usage question reads (a file imported everywhere: its callers are too many to matter). */
const MAX_IMPORTERS = 200;
const NO_FILES: ReadonlySet<string> = new Set();


const loadCallCache = new WeakMap<TSESTree.Program, { call: Node; loads: readonly ComputedLoad[] }[]>();

/** The `require(…)`/`import(…)` calls of `loader` whose computed path may stand for `file` (the walk is made once per AST). */
function computedLoadCalls(files: ProjectFiles, sourceCode: ProjectSourceCode, loader: string, file: string): Node[] {
  let calls = loadCallCache.get(sourceCode.ast);
  if (!calls) {
    const folders = files.folderLoadsOf(loader, sourceCode.text);
    calls = dynamicLoadCalls(sourceCode).map((call) => {
      const loads = computedLoads(loader, sourceCode.text.slice(call.range[0], call.range[1]));
      if (loads.length > 0 || folders.length === 0) return { call, loads };
      // A loader of a folder it lists: a path built from the listing loads from that folder; one it cannot read, from any it lists.
      const argument = call.type === 'ImportExpression' ? call.source : call.type === 'CallExpression' ? call.arguments[0] : undefined;
      const fromFolder = argument ? files.loadedFromFolderOf(loader, sourceCode.text.slice(argument.range[0], argument.range[1]), sourceCode.text) : null;
      return { call, loads: fromFolder ? [fromFolder] : folders };
    });
    loadCallCache.set(sourceCode.ast, calls);
  }
  return calls.filter(({ loads }) => loads.some((load) => isLoadedBy(load, file))).map(({ call }) => call);
}

/** Calls of member `hook` on the local a load is bound to (`const event = require(file)`, then `event.execute(…)`). */
function loadedMemberCalls(sourceCode: ProjectSourceCode, load: Node, hook: string): Node[] {
  const declarator = load.parent?.type === 'AwaitExpression' ? load.parent.parent : load.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return [];
  const calls: Node[] = [];
  for (const variable of sourceCode.getDeclaredVariables(declarator)) {
    for (const reference of variable.references) {
      const member = (reference.identifier as Node).parent;
      if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || staticPropertyName(member) !== hook) continue;
      const call = member.parent?.type === 'ChainExpression' ? member.parent.parent : member.parent;
      if (call?.type === 'CallExpression' && (call.callee === member || call.callee === member.parent)) calls.push(call);
    }
  }
  return calls;
}

/**
 * Whether the module a computed load gives is kept beyond the code that loads it: stored
 * (`plugins[name] = require(…)`), returned, passed on or pushed; a local it is bound to is too.
 */
function loadedValueEscapes(sourceCode: ProjectSourceCode, load: Node, depth = 0): boolean {
  let node = load;
  for (;;) {
    const parent = node.parent;
    if (!parent) return false;
    if ((parent.type === 'MemberExpression' && parent.object === node) || ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === node)) node = parent;
    else if (parent.type === 'AwaitExpression' || parent.type === 'ChainExpression' || parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression') node = parent;
    else break;
  }
  const parent = node.parent!;
  if (parent.type === 'ExpressionStatement') return false;
  if (parent.type !== 'VariableDeclarator' || parent.init !== node) return true;
  // `const Schema = require(…)`, `const { Schema } = require(…)`: locals used only to call or read.
  const variables = sourceCode.getDeclaredVariables(parent);
  if (variables.length === 0) return true;
  return variables.some((variable) => variable.scope.type === 'module' || variable.scope.type === 'global' || variable.references.some((reference) => {
    const use = reference.identifier as Node;
    const holder = use.parent;
    if (!holder || reference.init) return false;
    if (holder.type === 'MemberExpression' && holder.object === use) return false;
    // `const plugin = new Plugin()`, then `plugins.push(plugin)`: what it makes is kept too.
    if ((holder.type === 'CallExpression' || holder.type === 'NewExpression') && holder.callee === use) return depth < 2 && holder.parent?.type === 'VariableDeclarator' ? loadedValueEscapes(sourceCode, holder, depth + 1) : false;
    return true;
  }));
}
/**
 * Text that may pass another module's exports on: `export *`, `export { … } from`,
 * `module.exports = require(…)`, `export { x }`, and instances of an imported class
 * (`export const MODEL_LOADER = new ModelLoader()`), whose methods its importers call.
 */
const REEXPORTS = /\bexport\s*(?:\*|\{)|module\.exports\s*=\s*(?:\{|require|new\b)|\bexport\s+(?:const|let|var)\s+[\w$]+\s*=\s*new\b|\bexport\s+default\s+new\b/;
/**
 * Text that may construct the exported class `name`: some mention of it is a value (`new Name(`,
 * `extends Name`, `register(Name)`), not a type (`player: Player`, `Map<number, Player>`, `Player[]`,
 * `A | Player`) or an import or re-export line.
 */
function mayConstruct(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    if (/[\w$]/.test(text[at - 1] ?? '') || /[\w$]/.test(text[at + name.length] ?? '')) continue;
    const line = text.slice(text.lastIndexOf('\n', at) + 1, at);
    if (/^\s*(?:import\b|export\s*(?:type\s*)?\{)/.test(line) && !/\bnew\b/.test(line)) continue;
    if (/(?::|<|\||&|\bas|\bimplements|\btypeof)\s*$/.test(line)) continue;
    if (/^\s*(?:\[\s*\]|>|\||&)/.test(text.slice(at + name.length, at + name.length + 4))) continue;
    return true;
  }
  return false;
}

/** `handlers[type](msg)`, `commands[name].call(…)`: a dispatch through a table may call any of its functions. */
const DISPATCH = /\]\s*(?:\.\s*(?:call|apply)\s*)?\(/;

/** The module and export a callee names: `require('./x')` (its `module.exports`), or a variable bound by `import`/`require`. */
function importedBinding(sourceCode: ProjectSourceCode, callee: Node): { specifier: string; key: string } | null {
  const required = projectRequireSource(callee);
  if (required !== null) return { specifier: required, key: exportKey([]) };
  if (callee.type !== 'Identifier') return null;
  const definition = moduleScopeDefinition(sourceCode, callee.name);
  if (!definition) return null;
  if (definition.type === 'ImportBinding' && definition.parent.type === 'ImportDeclaration') {
    const specifier = definition.node;
    const source = String(definition.parent.source.value);
    if (specifier.type === 'ImportDefaultSpecifier') return { specifier: source, key: 'default' };
    if (specifier.type === 'ImportSpecifier') return { specifier: source, key: specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value) };
    return null;
  }
  if (definition.type === 'Variable' && definition.node.type === 'VariableDeclarator' && definition.node.id.type === 'Identifier') {
    const specifier = projectRequireSource(definition.node.init);
    return specifier === null ? null : { specifier, key: exportKey([]) };
  }
  return null;
}

/** The variable `name` of the module's top scope (ES modules and CommonJS alike). */
function moduleScopeDefinition(sourceCode: ProjectSourceCode, name: string) {
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    if (scope.type !== 'module' && !(scope.type === 'function' && scope.block.type === 'Program')) continue;
    const variable = scope.set.get(name);
    if (variable) return variable.defs[0];
  }
  return undefined;
}

/** How many look-ups may nest (a file level takes two or three: its trie, its analysis, a usage). */
const MAX_LOOKUP_DEPTH = MAX_FILE_DEPTH * 3;
/** How many times a look-up a cycle cut short is computed again when a linted file asks for it. */
const MAX_PARTIAL_PASSES = 3;
/** How many times one the depth cap cut short is computed again when asked shallower (one per level and a spare). */
const MAX_DEPTH_PASSES = 16;

/**
 * Text that may hand out instances of another module's class: `return new Store(dir)`, `() => new Store(dir)`,
 * or hold one its importers reach (`this.backups = new BackupManager()`, `getBackups() { return this.backups }`).
 */
const FACTORIES = /\breturn\s+new\s|=>\s*\(?\s*new\s|\bthis\.[\w$]+\s*=\s*new\s|\breturn\s+(?:this|self)\.[\w$]+\s*;?\s*\}/;
/** Text that makes instances and returns a local: a lazy getter or a cache (`spaces.set(name, (space = { snapshots }))`, `return space`). */
const MAKES_AND_RETURNS = /\bnew\s+[\w$.]+\s*[(<]/;
const RETURNS_LOCAL = /\breturn\s+[\w$]+\s*;?\s*\}/;

/** A server entry: it listens or creates a server (Express generator's `bin/www`). */
/** The interfaces and abstract classes a module's text exports (`export interface IStore`, `export abstract class Base`). */
function exportedAbstractions(text: string): Set<string> {
  const names = new Set<string>();
  if (!text.includes('interface') && !text.includes('abstract')) return names;
  for (const match of text.matchAll(/\bexport\s+(?:declare\s+)?(?:interface|abstract\s+class)\s+([\w$]+)/g)) names.add(match[1]!);
  return names;
}

const NO_IMPLEMENTATIONS: ReadonlyMap<string, TraceNode[]> = new Map();

const serverFrameworkPatterns = new WeakMap<Frameworks, RegExp>();

/** Whether `text` names one of the table's modules that is not a Node.js builtin, in quotes. */
function namesServerFramework(text: string, frameworks: Frameworks): boolean {
  let pattern = serverFrameworkPatterns.get(frameworks);
  if (!pattern) {
    const names = [...frameworks.modules.keys()].filter((name) => !isBuiltin(name)).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    pattern = names.length === 0 ? /$^/ : new RegExp(`(['"\`])(?:${names.join('|')})(?:/[^'"\`]*)?\\1`);
    serverFrameworkPatterns.set(frameworks, pattern);
  }
  return pattern.test(text);
}

/** Text that passes another module's exports on as they are: `export * from`, `export { a } from`, `module.exports = require(…)`. */
const BARREL = /\bexport\s*\*\s*(?:as\s+[\w$]+\s*)?from\b|\bexport\s*\{[^}]*\}\s*from\b|module\.exports\s*=\s*require\s*\(/;

/** Text that exports anything at all (ES or CommonJS). */
const EXPORTS = /\bexport\b|\bexports\b/;
/** `import x from`, `import * as x from`, `import { a, b as c } from`, `const x = require(…)`, `const { a, b: c } = require(…)`. */
const IMPORT_BINDING =
  /\bimport\s+(?:type\s+)?(?:([\w$]+)\s*,?\s*)?(?:\*\s*as\s+([\w$]+)\s*)?(?:\{([^}]*)\}\s*)?from\s*(['"])([^'"\n]+)\4|\b(?:const|let|var)\s+(?:([\w$]+)|\{([^}]*)\})\s*=\s*require\s*\(\s*(['"])([^'"\n]+)\8\s*\)/g;
/** Comments (their examples hold imports and calls), not `//` inside a URL. */
const COMMENT = /\/\*[\s\S]*?\*\/|(?<![:'"\w\\])\/\/[^\n]*/g;
/** Static import statements, left out when looking for names in argument positions (`import { a } from` is not an argument). */
const IMPORT_STATEMENT = /^\s*import\s[^;]*?from\s*['"][^'"\n]+['"];?/gm;
/**
 * A name where an argument or a property value goes: `(db,`, `, configModule }`, `robot: new Robot(`. Not a call
 * (`pipe(map(f))`): what an imported function returns is followed through its export trie's call result already.
 */
const ARGUMENT_NAME = /(?:[(,{]|[\w$'"]\s*:)\s*(?:new\s+([\w$]+)\s*\(|([\w$]+)\s*[,)}])/g;

/**
 * Local names bound to a whole module by the file's imports and requires (`import config from`, `import * as
 * store from`, `const db = require(…)`), and the specifier each came from. Named imports (`import { identity }`)
 * are left out: functional code passes imported functions everywhere (`flow(a, b)`), modules and instances rarely.
 * A class imported by name is kept for `new Robot()` in an argument (`ARGUMENT_NAME` asks `new` of those).
 */
function importBindings(text: string): { readonly modules: Map<string, string>; readonly classes: Map<string, string> } {
  const modules = new Map<string, string>();
  const classes = new Map<string, string>();
  const named = (list: string, specifier: string, separator: RegExp) => {
    for (const part of list.split(',')) {
      const name = part.split(separator).at(-1)?.trim().replace(/^type\s+/, '');
      if (name && /^[A-Z][\w$]*$/.test(name)) classes.set(name, specifier);
    }
  };
  for (const match of text.matchAll(IMPORT_BINDING)) {
    const esSpecifier = match[5];
    if (esSpecifier !== undefined) {
      if (match[1]) modules.set(match[1], esSpecifier);
      if (match[2]) modules.set(match[2], esSpecifier);
      if (match[3]) named(match[3], esSpecifier, /\s+as\s+/);
      continue;
    }
    const specifier = match[9]!;
    if (match[6]) modules.set(match[6], specifier);
    if (match[7]) named(match[7], specifier, /:/);
  }
  return { modules, classes };
}

const STARTS_SERVER = /\.listen\s*\(|\bcreate(?:Secure)?Server\s*\(|\bserve\s*\(\s*\{/;

const blockingTries = new WeakMap<TraceNode, boolean>();

/** Whether anything reachable in a trie (members, instances, call results, a few levels down) blocks. */
function trieBlocks(trie: TraceNode, remember: () => boolean): boolean {
  const known = blockingTries.get(trie);
  if (known !== undefined) return known;
  const seen = new Set<TraceNode>();
  const visit = (node: TraceNode | null, depth: number): boolean => {
    if (!node || seen.has(node) || depth > 6) return false;
    seen.add(node);
    for (const payload of [...node.calls, ...node.constructs]) {
      if (payload.kind === 'blocking') return true;
      // An async export that blocks inside: its importers' calls say whether that runs at start-up.
      if (payload.kind === 'project-function' && (payload.blockingPath(ALL_USES) || payload.runsBlocking())) return true;
    }
    for (const child of node.children.values()) if (visit(child, depth + 1)) return true;
    return visit(node.constructResult, depth + 1) || visit(node.callResult, depth + 1);
  };
  const result = visit(trie, 0);
  // Not when an import cycle cut a payload's look-up short: asked again, it may block.
  if (remember()) blockingTries.set(trie, result);
  return result;
}

/** Whether a trie (a few levels of members, their instances and call results) carries the payload of `file`'s `key`. */
function carries(trie: TraceNode, file: string, key: string): boolean {
  const seen = new Set<TraceNode>();
  const visit = (node: TraceNode | null, depth: number): boolean => {
    if (!node || seen.has(node) || depth > 6) return false;
    seen.add(node);
    const isIt = (payload: TraceNode['calls'][number]) => payload.kind === 'project-function' && payload.file === file && payload.key === key;
    // A constructor's payload is on what `new` is applied to (`Player.new()`).
    if (node.calls.some(isIt) || node.constructs.some(isIt)) return true;
    for (const child of node.children.values()) if (visit(child, depth + 1)) return true;
    // What an exported factory returns (`storeFor(name)` gives a `FileStore`).
    return visit(node.constructResult, depth + 1) || visit(node.callResult, depth + 1);
  };
  return visit(trie, 0);
}

function copyNode(node: TraceNode): TraceNode {
  const copy = createTraceNode(node.isModule);
  mergeInto(copy, node);
  return copy;
}

/** Adds what one importer passes (values by parameter key) to the lists gathered so far. */
function addLists(lists: Map<string, TraceNode[]>, found: ReadonlyMap<string, TraceNode[]>): void {
  for (const [key, values] of found) {
    const list = lists.get(key);
    if (list) list.push(...values);
    else lists.set(detached(key), [...values]);
  }
}

/** Each parameter's values, as one trie: the union of what the call sites pass. */
function unionsOf(lists: ReadonlyMap<string, TraceNode[]>): Map<string, TraceNode> {
  const values = new Map<string, TraceNode>();
  for (const [key, list] of lists) values.set(key, list.reduce((union, value) => (union === value ? union : unionOf(union, value))));
  return values;
}

/** Adds what `from` has and `into` lacks (members, payloads, call and construct results). */
function mergeInto(into: TraceNode, from: TraceNode): void {
  if (into === from) return;
  for (const [name, child] of from.children) if (!into.children.has(name)) into.children.set(name, child);
  for (const payload of from.calls) if (!into.calls.includes(payload)) into.calls.push(payload);
  for (const payload of from.constructs) if (!into.constructs.includes(payload)) into.constructs.push(payload);
  into.callResult ??= from.callResult;
  into.constructResult ??= from.constructResult;
  into.anyMember ??= from.anyMember;
  into.awaitResult ??= from.awaitResult;
  into.callGuard ??= from.callGuard;
  into.constructGuard ??= from.constructGuard;
  if (from.constructCalls) into.constructCalls = [...(into.constructCalls ?? []), ...from.constructCalls.filter((payload) => !into.constructCalls?.includes(payload))];
  if (from.awaitable) into.awaitable = true;
  if (from.esDefault) into.esDefault ??= from.esDefault;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** The function whose range is exactly `[start, end]`, or `null`. */
function functionAt(sourceCode: ProjectSourceCode, start: number, end: number): FunctionNode | null {
  for (let node: Node | null = sourceCode.getNodeByRangeIndex(start); node; node = node.parent ?? null) {
    if (node.range[0] !== start) break;
    if (node.range[1] === end && isFunction(node)) return node;
  }
  return null;
}

/**
 * How much of the files' parses, and of their analyses, the model keeps, in characters of text plus
 * a fixed cost per file (scopes, the SourceCode shim: a small file's AST costs far more than its text).
 * The budgets are the process's, shared by the models of every project (a lint of a workspace or a
 * tree of packages has one model per package root: budgets of their own multiplied the memory).
 */
const PARSED_BUDGET = 256 * 1024;
const ANALYSED_BUDGET = 1024 * 1024;
const FILE_WEIGHT = 8 * 1024;

function weightOf(text: string | undefined): number {
  return text === undefined ? 0 : text.length + FILE_WEIGHT;
}

const parsedBudget = new WeightBudget(PARSED_BUDGET);
const analysedBudget = new WeightBudget(ANALYSED_BUDGET);

/**
 * A cache of values that can be rebuilt, bounded by a (shared) budget of their weight: the least
 * recently used are dropped first. Remembers what it dropped, so a rebuild is known as one.
 */
class BoundedCache<T> extends Map<string, Cached<T>> {
  private readonly dropped = new Set<string>();
  private readonly budget: WeightBudget;
  private readonly weigh: (value: T) => number;

  constructor(budget: WeightBudget, weigh: (value: T) => number) {
    super();
    this.budget = budget;
    this.weigh = weigh;
  }

  override get(key: string): Cached<T> | undefined {
    const found = super.get(key);
    if (found) this.budget.touch(found);
    return found;
  }

  override set(key: string, entry: Cached<T>): this {
    const before = super.get(key);
    if (before) this.budget.remove(before);
    super.set(key, entry);
    this.dropped.delete(key);
    this.budget.use(entry, this.weigh(entry.value), () => this.evict(key));
    return this;
  }

  /** Lets the entry go for memory (the budget asks). */
  evict(key: string): void {
    const found = super.get(key);
    if (!found) return;
    this.budget.remove(found);
    super.delete(key);
    this.dropped.add(key);
  }

  wasDropped(key: string): boolean {
    return this.dropped.has(key);
  }
}
