import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { TraceNode } from '../catalog/define.js';
import type { Frameworks } from '../catalog/frameworks/index.js';
import type { FileRole, ProvisionalScript } from '../context/file-role.js';
import { describeFunction, type CallerSite, type ContextDecider } from '../context/serving-context.js';
import { createValueResolver } from '../analysis/function-summaries.js';
import type { FunctionNode } from '../resolve/ast.js';
import type { ExtensionSettings } from '../settings.js';
import { functionKey, moduleExports } from './exports.js';
import { ProjectFiles, projectRootOf, specifiersIn } from './files.js';
import { ProjectView, type Usage } from './view.js';

/** What one file's analysis asks of the project model. */
export interface ProjectLink {
  /** The file's role once its importers are known (a module only tests or CLIs import). */
  roleOf(own: FileRole): FileRole;
  /** Whether this file, a script only by its folder or its argument parser, is application code (see `ProjectView.loadedByApplication`). */
  loadedByApplication(reason: ProvisionalScript): boolean;
  /** Trace roots for the project files this file imports whose exports can block, by the specifier written. */
  importRoots(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlyMap<string, TraceNode>;
  /** Trace roots for the framework values (apps, routers, procedures) the project files this file imports export. */
  frameworkRoots(sourceCode: Readonly<TSESLint.SourceCode>, table: number): ReadonlyMap<string, TraceNode>;
  /** Where this file's function exported as `key` is called in the project's other files. */
  usage(key: string): Usage;
  /** What other files pass to this file's exported functions and constructors, by `parameterKey` (values the trace knows). */
  passedParameters(): ReadonlyMap<string, TraceNode>;
  /** The same, with the other project modules importers pass (`createRoutes({ configModule })`, two hops at most per file). */
  passedValues(): ReadonlyMap<string, TraceNode>;
  /** Whether no other file can call this file's export `name`: the package runs it as its service, and no importer names it. */
  exportUncalled(name: string): boolean;
}

export function createLink(view: ProjectView, file: string): ProjectLink {
  return {
    roleOf: (own) => view.roleOf(file, own),
    loadedByApplication: (reason) => view.loadedByApplication(file, reason),
    exportUncalled: (name) => view.exportUncalled(file, name),
    importRoots(sourceCode) {
      const roots = new Map<string, TraceNode>();
      for (const specifier of specifiersIn(sourceCode.text)) {
        const target = view.files.resolve(file, specifier);
        if (!target || target === file) continue;
        // A file this one imports: an edit to it shows in this very lint.
        view.files.entry(target, true);
        const trie = view.exportTrie(target);
        if (trie) roots.set(specifier, trie);
      }
      return roots;
    },
    frameworkRoots: (sourceCode, table) => view.frameworkRoots(file, table, specifiersIn(sourceCode.text)),
    usage: (key) => view.usage(file, key),
    passedParameters: () => view.passedParameters(file).values,
    passedValues: () => view.passedValues(file),
  };
}

const projects = new Map<string, ProjectFiles>();
const views = new WeakMap<ProjectFiles, WeakMap<ExtensionSettings, Map<string, ProjectView>>>();
const frameworkIds = new WeakMap<object, number>();
let nextFrameworkId = 1;

/**
 * The project link for a linted file, or `null` when it belongs to no project on disk (no
 * package.json above it). One project model per project root and settings, for the process.
 */
export function projectLinkFor(filename: string, settings: ExtensionSettings, frameworks: readonly Frameworks[], cwd: string): ProjectLink | null {
  const file = path.resolve(cwd, filename);
  const root = projectRootOf(file);
  if (!root) return null;
  let files = projects.get(root);
  if (!files) projects.set(root, (files = new ProjectFiles(root)));
  let bySettings = views.get(files);
  if (!bySettings) views.set(files, (bySettings = new WeakMap()));
  let byKey = bySettings.get(settings);
  if (!byKey) bySettings.set(settings, (byKey = new Map()));
  const user = frameworks[1];
  let userId = 0;
  if (user) {
    userId = frameworkIds.get(user) ?? 0;
    if (!userId) frameworkIds.set(user, (userId = nextFrameworkId++));
  }
  const key = `${cwd}\0${userId}`;
  let view = byKey.get(key);
  if (!view) byKey.set(key, (view = new ProjectView(files, settings, frameworks, cwd)));
  files.beginLint();
  return view.linkFor(file);
}

/** What other files say about this file's exported functions, as context deciders. */
export interface CrossFileCallers {
  /** Serving when another file's serving code calls it; `null` (start-up) when only start-up code does. */
  readonly decider: ContextDecider;
  /** Exported, called from other files only by code that does not serve, and not called in its own file. */
  startupOnly(fn: FunctionNode): boolean;
}

export function crossFileCallers(
  sourceCode: Readonly<TSESLint.SourceCode>,
  link: ProjectLink,
  callersOf: (fn: FunctionNode) => readonly CallerSite[],
  /** Functions whose context can change a report: they make a blocking call, or call one that does. */
  matters: (fn: FunctionNode) => boolean,
): CrossFileCallers {
  let keys: Map<FunctionNode, string> | undefined;
  const usageOf = (fn: FunctionNode): Usage => {
    // Who calls a function that cannot reach a blocking call changes nothing: not asked.
    if (!matters(fn)) return { kind: 'unknown' };
    if (!keys) {
      keys = new Map();
      for (const exported of moduleExports(sourceCode, createValueResolver(sourceCode)).functions) {
        if (!keys.has(exported.fn)) keys.set(exported.fn, functionKey(exported));
      }
    }
    const key = keys.get(fn);
    return key === undefined ? { kind: 'unknown' } : link.usage(key);
  };
  const startupOnly = (fn: FunctionNode) => !fn.generator && usageOf(fn).kind === 'startup' && callersOf(fn).length === 0;
  return {
    decider(fn) {
      if (fn.generator) return undefined;
      const usage = usageOf(fn);
      if (usage.kind === 'serving') {
        const from = usage.via ? `${usage.via}, which serves ${usage.root}` : usage.root;
        return {
          kind: usage.servingKind,
          root: fn,
          canMakeAsync: false,
          servingRoot: usage.root,
          description: `inside ${describeFunction(fn, fn.async ? 'async ' : '')}, ${usage.registered ? 'registered as' : 'called from'} ${from}`,
        };
      }
      return usage.kind === 'startup' && callersOf(fn).length === 0 ? null : undefined;
    },
    startupOnly,
  };
}
