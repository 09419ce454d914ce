import { compileFrameworks, type Frameworks } from './catalog/frameworks/index.js';
import { registrarMethods } from './catalog/frameworks/helpers.js';
import type { FrameworkSpec } from './catalog/frameworks/types.js';
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

/** Compiled user registrars (cached per settings object), or `null` when there are none. */
export function userFrameworks(settings: Readonly<Record<string, unknown>> | undefined): Frameworks | null {
  const ours = settings?.[NAMESPACE_SETTINGS] as Record<string, unknown> | undefined;
  const raw = ours?.routeRegistrars;
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'object' && cache.has(raw)) return cache.get(raw)!;
  const settingsList = validateRouteRegistrars(raw);
  const compiled = settingsList.length === 0 ? null : compileFrameworks(settingsList.map(registrarSpec));
  if (typeof raw === 'object') cache.set(raw, compiled);
  return compiled;
}
