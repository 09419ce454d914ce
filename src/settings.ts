import { compileFrameworks, type Frameworks } from './catalog/frameworks/index.js';
import { registrarMethods } from './catalog/frameworks/helpers.js';
import type { FrameworkSpec } from './catalog/frameworks/types.js';
import { FAMILIES, type Family } from './catalog/types.js';
import { NAMESPACE_SETTINGS } from './settings-key.js';

/**
 * A user's in-house framework: `settings['event-loop'].routeRegistrars`.
 * `instance` says where the methods live: on the module object (`module`, default), on what
 * calling the module returns (`call`, like `express()`), or on what `new` makes (`new`, like Koa).
 * `export` reaches the factory through a named export (`{ module: 'my-fw', export: 'createApp' }`).
 */
export interface RouteRegistrarSetting {
  readonly module: string;
  readonly methods: readonly string[];
  readonly instance?: 'module' | 'call' | 'new';
  readonly export?: string;
  /** Words for messages (default "<module> handler"). */
  readonly label?: string;
}

const fail = (index: number, message: string): never => {
  throw new Error(`event-loop: settings['${NAMESPACE_SETTINGS}'].routeRegistrars[${index}] ${message}`);
};

/** Validates the setting, throwing an error that says what is wrong. */
export function validateRouteRegistrars(value: unknown): RouteRegistrarSetting[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`event-loop: settings['${NAMESPACE_SETTINGS}'].routeRegistrars must be an array of { module, methods, instance? } objects.`);
  return value.map((item: unknown, index): RouteRegistrarSetting => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return fail(index, 'must be an object { module, methods, instance? }.');
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!['module', 'methods', 'instance', 'export', 'label'].includes(key)) fail(index, `has an unknown property '${key}' (allowed: module, methods, instance, export, label).`);
    }
    if (typeof record.module !== 'string' || record.module.length === 0) fail(index, 'needs `module`: a module specifier string.');
    if (!Array.isArray(record.methods) || record.methods.length === 0 || !record.methods.every((method) => typeof method === 'string' && method.length > 0)) {
      fail(index, 'needs `methods`: a non-empty array of method names.');
    }
    if (record.instance !== undefined && !['module', 'call', 'new'].includes(record.instance as string)) fail(index, "has `instance` other than 'module', 'call' or 'new'.");
    if (record.export !== undefined && (typeof record.export !== 'string' || record.export.length === 0)) fail(index, 'has an `export` that is not a non-empty string.');
    if (record.label !== undefined && (typeof record.label !== 'string' || record.label.length === 0)) fail(index, 'has a `label` that is not a non-empty string.');
    return record as unknown as RouteRegistrarSetting;
  });
}

/** The framework table a registrar setting describes. */
function registrarSpec(setting: RouteRegistrarSetting, index: number): FrameworkSpec {
  const instance = setting.instance ?? 'module';
  const methods = registrarMethods(setting.methods, instance === 'module' ? undefined : 'instance');
  const factory = instance === 'call' ? { returns: 'instance' } : instance === 'new' ? { constructs: 'instance' } : { members: methods };
  return {
    framework: `user:${index}:${setting.module}`,
    name: setting.module,
    label: setting.label ?? `${setting.module} handler`,
    modules: [setting.module],
    exports: setting.export ? { members: { [setting.export]: factory } } : factory,
    types: instance === 'module' ? {} : { instance: { members: methods } },
  };
}

const cache = new WeakMap<object, Frameworks | null>();
const cacheByJson = new Map<string, Frameworks | null>();

/**
 * Compiled user registrars (cached per settings object, and per settings text: oxlint hands every
 * file a fresh copy of the same settings), or `null` when there are none.
 */
export function userFrameworks(settings: Readonly<Record<string, unknown>> | undefined): Frameworks | null {
  const ours = settings?.[NAMESPACE_SETTINGS] as Record<string, unknown> | undefined;
  const raw = ours?.routeRegistrars;
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'object' && cache.has(raw)) return cache.get(raw)!;
  const json = JSON.stringify(raw);
  let compiled = cacheByJson.get(json);
  if (compiled === undefined) {
    const settingsList = validateRouteRegistrars(raw);
    compiled = settingsList.length === 0 ? null : compileFrameworks(settingsList.map(registrarSpec));
    cacheByJson.set(json, compiled);
  }
  if (typeof raw === 'object') cache.set(raw, compiled);
  return compiled;
}

// --- extending the catalog, allow lists, worker pools (issue 6) ---------------------------------

/** `settings['event-loop'].workerPool`: the user's offload helper, `offload(module, exportName, ...args)`. */
export interface WorkerPoolSetting {
  /** Module the helper is imported from: a package or subpath import (`#lib/offload`), not a file path. */
  readonly module: string;
  /** Its export (`offload`; `default` for a default export). */
  readonly export: string;
}

/**
 * One user catalog entry (`settings['event-loop'].blockingApis[i]`): a module export, or a method of
 * what the export makes (`instance: 'new'`: `new Client().querySync()`; `'call'`: `connect().querySync()`).
 */
export interface BlockingApiSetting {
  readonly module: string;
  /** Dotted export path (`loadSync`, `sync.read`); omitted: the module's own value (`module.exports` / default export). */
  readonly export?: string;
  readonly instance?: 'new' | 'call';
  /** Dotted method path on the instance; needed with `instance`. */
  readonly method?: string;
  readonly family: Family;
  /**
   * The non-blocking replacement: `{ module, export, promisify? }` (a module-level export, awaited in
   * place of the call: a real rewrite) or a text naming it for the message only (`configLoader.load`).
   */
  readonly replacement?: string | { readonly module: string; readonly export: string; readonly promisify?: boolean };
  /** Replaces the advice after "blocks the event loop …;" in every report of this entry. */
  readonly message?: string;
}

/** An API never reported by any rule: `{ module, export }`, an export path, or a qualified name (as in rules' `allow`). */
export type AllowSetting = string | { readonly module: string; readonly export: string };

/** Everything in `settings['event-loop']` besides `routeRegistrars`, validated. */
export interface ExtensionSettings {
  readonly workerPool: WorkerPoolSetting | null;
  readonly workerFiles: readonly string[];
  readonly blockingApis: readonly BlockingApiSetting[];
  readonly allow: readonly AllowSetting[];
  /** `'auto'`: use the TypeScript program when the parser provides one (set by `recommendedTypeChecked`); `'off'` (default): never. */
  readonly typeAware: 'off' | 'auto';
  /** With `typeAware`, summarise functions declared under `node_modules` too (default `false`). */
  readonly followNodeModules: boolean;
  /** Decide across the project's files what runs while serving (default `true`; `false`: each file alone). */
  readonly crossFile: boolean;
  /** A trace file (`event-loop-lint trace --json`) whose measurements the rules use, relative to the working directory; `null`: none. */
  readonly trace: string | null;
}

const FAMILY_NAMES: readonly string[] = FAMILIES;
const at = (name: string) => `event-loop: settings['${NAMESPACE_SETTINGS}'].${name}`;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isDottedPath = (value: unknown): value is string => isName(value) && value.split('.').every((segment) => segment.length > 0);

/** Words that cannot be an imported binding's name (`import { class } from 'm'` does not parse). */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null ' +
    'return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await eval arguments'
  ).split(' '),
);
/** An export name the fixes can write as a binding: one identifier, not a reserved word ('default' aside). */
const isBindingName = (value: unknown): value is string => isName(value) && (value === 'default' || (/^[A-Za-z_$][\w$]*$/.test(value) && !RESERVED.has(value)));
/** A module specifier the fixes can write inside a string literal as it is: no quotes, backslashes, or line breaks. */
const isWritableSpecifier = (value: unknown): value is string => isName(value) && !/['"`\\\u0000-\u001f\u007f\u2028\u2029]/.test(value) && value.trim() === value;

function onlyKeys(record: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) throw new Error(`${where} has an unknown property '${key}' (allowed: ${allowed.join(', ')}).`);
  }
}

export function validateWorkerPool(value: unknown): WorkerPoolSetting | null {
  if (value === undefined || value === null) return null;
  const where = at('workerPool');
  if (!isRecord(value)) throw new Error(`${where} must be an object { module, export } naming your offload helper.`);
  onlyKeys(value, ['module', 'export'], where);
  if (!isName(value.module)) throw new Error(`${where} needs \`module\`: the module specifier your offload helper is imported from.`);
  if (!isWritableSpecifier(value.module)) throw new Error(`${where}.module ${JSON.stringify(value.module)} cannot be written in an import: no quotes, backslashes, line breaks or surrounding spaces.`);
  if (!isName(value.export)) throw new Error(`${where} needs \`export\`: the helper's export name ('default' for a default export).`);
  if (!isBindingName(value.export)) {
    throw new Error(`${where}.export ${JSON.stringify(value.export)} is not a name an import can bind: one identifier that is not a reserved word ('runInPool'), or 'default'.`);
  }
  if (/^(?:\.{1,2}(?:\/|$)|\/|file:)/.test(value.module)) {
    throw new Error(`${where}.module '${value.module}' is a file path: the import added to each file would be wrong in other folders. Use a package name or a subpath import ('#lib/offload', see docs/worker-pool.md).`);
  }
  return { module: value.module, export: value.export };
}

export function validateWorkerFiles(value: unknown): string[] {
  if (value === undefined) return [];
  const where = at('workerFiles');
  if (!Array.isArray(value)) throw new Error(`${where} must be an array of glob patterns ('src/workers/**').`);
  return value.map((item: unknown, index) => {
    if (!isName(item)) throw new Error(`${where}[${index}] must be a non-empty glob pattern string.`);
    return item;
  });
}

export function validateBlockingApis(value: unknown): BlockingApiSetting[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${at('blockingApis')} must be an array of { module, export?, instance?, method?, family, replacement?, message? } objects.`);
  return value.map((item: unknown, index): BlockingApiSetting => {
    const where = `${at('blockingApis')}[${index}]`;
    if (!isRecord(item)) throw new Error(`${where} must be an object { module, export?, instance?, method?, family, replacement?, message? }.`);
    onlyKeys(item, ['module', 'export', 'instance', 'method', 'family', 'replacement', 'message'], where);
    if (!isName(item.module)) throw new Error(`${where} needs \`module\`: a module specifier string.`);
    if (item.export !== undefined && !isDottedPath(item.export)) throw new Error(`${where} has an \`export\` that is not a dotted export path ('loadSync', 'sync.read').`);
    if (item.instance !== undefined && item.instance !== 'new' && item.instance !== 'call') throw new Error(`${where} has \`instance\` other than 'new' or 'call'.`);
    if (item.instance !== undefined && !isDottedPath(item.method)) throw new Error(`${where} has \`instance\` but no \`method\`: the method name called on the instance.`);
    if (item.instance === undefined && item.method !== undefined) throw new Error(`${where} has \`method\` without \`instance\` ('new' or 'call'); a module-level export goes in \`export\`.`);
    if (!FAMILY_NAMES.includes(item.family as string)) throw new Error(`${where} needs \`family\`: one of ${FAMILY_NAMES.join(', ')} (it decides which rule reports the call).`);
    const replacement = item.replacement;
    if (replacement !== undefined && !isName(replacement)) {
      if (!isRecord(replacement)) throw new Error(`${where} has a \`replacement\` that is neither a text nor an object { module, export, promisify? }.`);
      onlyKeys(replacement, ['module', 'export', 'promisify'], `${where}.replacement`);
      if (!isName(replacement.module)) throw new Error(`${where}.replacement needs \`module\`: where the async replacement is imported from.`);
      if (!isWritableSpecifier(replacement.module)) {
        throw new Error(`${where}.replacement.module ${JSON.stringify(replacement.module)} cannot be written in an import: no quotes, backslashes, line breaks or surrounding spaces.`);
      }
      if (!isBindingName(replacement.export)) {
        throw new Error(`${where}.replacement needs \`export\`: the async replacement's export name (one identifier that is not a reserved word, 'default' for a default export).`);
      }
      if (replacement.promisify !== undefined && typeof replacement.promisify !== 'boolean') throw new Error(`${where}.replacement has a \`promisify\` that is not a boolean.`);
      if (item.instance !== undefined) {
        throw new Error(`${where} is an instance method: its \`replacement\` can only be a text (an import cannot replace a method of an instance).`);
      }
    }
    if (item.message !== undefined && !isName(item.message)) throw new Error(`${where} has a \`message\` that is not a non-empty string.`);
    return item as unknown as BlockingApiSetting;
  });
}

export function validateAllow(value: unknown): AllowSetting[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${at('allow')} must be an array of { module, export } objects or export names.`);
  return value.map((item: unknown, index): AllowSetting => {
    const where = `${at('allow')}[${index}]`;
    if (isName(item)) return item;
    if (!isRecord(item)) throw new Error(`${where} must be { module, export } or an export name string.`);
    onlyKeys(item, ['module', 'export'], where);
    if (!isName(item.module)) throw new Error(`${where} needs \`module\`: a module specifier string.`);
    if (!isDottedPath(item.export)) throw new Error(`${where} needs \`export\`: the export path ('existsSync', 'realpathSync.native').`);
    return { module: item.module, export: item.export };
  });
}

/** Every key of `settings['event-loop']`: the rules read the first five, the type-aware analysis the next two, the project model `crossFile`, the measured-trace hook `trace`. */
const SETTING_KEYS = ['blockingApis', 'allow', 'workerPool', 'workerFiles', 'routeRegistrars', 'typeAware', 'followNodeModules', 'crossFile', 'trace'] as const;

export function validateTypeAware(typeAware: unknown): 'off' | 'auto' {
  if (typeAware === undefined) return 'off';
  if (typeAware !== 'off' && typeAware !== 'auto') throw new Error(`${at('typeAware')} must be 'auto' (use the TypeScript program when the parser has one) or 'off'.`);
  return typeAware;
}

export function validateFollowNodeModules(value: unknown): boolean {
  if (value !== undefined && typeof value !== 'boolean') throw new Error(`${at('followNodeModules')} must be a boolean.`);
  return value === true;
}

export function validateCrossFile(value: unknown): boolean {
  if (value !== undefined && typeof value !== 'boolean') throw new Error(`${at('crossFile')} must be a boolean (default true: follow calls across the project's files).`);
  return value !== false;
}

export function validateTrace(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (!isName(value)) throw new Error(`${at('trace')} must be the path of a trace file written by \`event-loop-lint trace --json <file>\` (relative to the working directory).`);
  return value;
}

const extensionCache = new WeakMap<object, ExtensionSettings>();
const extensionCacheByJson = new Map<string, ExtensionSettings>();
const NO_EXTENSIONS: ExtensionSettings = Object.freeze({ workerPool: null, workerFiles: [], blockingApis: [], allow: [], typeAware: 'off', followNodeModules: false, crossFile: true, trace: null });

/**
 * The validated extension settings (cached per settings object, and per settings text, so that the
 * catalog compiled for them is shared too: oxlint hands every file a fresh copy of the same
 * settings); a bad value throws an error naming it.
 */
export function extensionSettings(settings: Readonly<Record<string, unknown>> | undefined): ExtensionSettings {
  const ours = settings?.[NAMESPACE_SETTINGS];
  if (ours === undefined || ours === null) return NO_EXTENSIONS;
  if (!isRecord(ours)) throw new Error(`event-loop: settings['${NAMESPACE_SETTINGS}'] must be an object.`);
  const cached = extensionCache.get(ours);
  if (cached) return cached;
  const json = JSON.stringify(ours);
  let validated = extensionCacheByJson.get(json);
  if (!validated) {
    // A misspelt key would otherwise be ignored without a word.
    onlyKeys(ours, SETTING_KEYS, `event-loop: settings['${NAMESPACE_SETTINGS}']`);
    validated = {
      workerPool: validateWorkerPool(ours.workerPool),
      workerFiles: validateWorkerFiles(ours.workerFiles),
      blockingApis: validateBlockingApis(ours.blockingApis),
      allow: validateAllow(ours.allow),
      typeAware: validateTypeAware(ours.typeAware),
      followNodeModules: validateFollowNodeModules(ours.followNodeModules),
      crossFile: validateCrossFile(ours.crossFile),
      trace: validateTrace(ours.trace),
    };
    extensionCacheByJson.set(json, validated);
  }
  extensionCache.set(ours, validated);
  return validated;
}
