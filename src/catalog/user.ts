import { isBuiltin } from 'node:module';
import type { BlockingApiSetting, ExtensionSettings } from '../settings.js';
import { CALL_RESULT, CONSTRUCT_RESULT } from './define.js';
import { CATALOG, compileCatalog, MODULE_SPECS, type Catalog } from './index.js';
import type { EntrySpec, ModuleSpec } from './types.js';

/** Advice for a user's instance method: it cannot move to a worker alone, its object must live there. */
const INSTANCE_ADVICE = 'Run it in a worker thread that owns its own instance (see "Instances" in docs/worker-pool.md).';

/** `node:fs` and `fs` are one builtin; `#lib/config`, `legacy-db` stay as written. */
function canonicalModule(module: string): { module: string; builtin: boolean } {
  const bare = module.replace(/^node:/, '');
  return isBuiltin(bare) ? { module: bare, builtin: true } : { module, builtin: false };
}

/** The catalog path of a user entry: export path, then `new()`/`()` and the method for instance APIs. */
export function userEntryPath(api: BlockingApiSetting): string[] {
  const exported = api.export === undefined || api.export === 'default' ? [] : api.export.split('.');
  if (!api.instance) return exported;
  return [...exported, api.instance === 'new' ? CONSTRUCT_RESULT : CALL_RESULT, ...api.method!.split('.')];
}

function userEntry(api: BlockingApiSetting, module: string): EntrySpec {
  const path = userEntryPath(api);
  const owner = api.export === undefined || api.export === 'default' ? module : api.export;
  const name = api.instance ? `${module} ${owner}${api.instance === 'call' ? '()' : ''}#${api.method}` : path.length === 0 ? module : `${module}.${path.join('.')}`;
  const replacement = api.replacement;
  const twin: EntrySpec['twin'] =
    typeof replacement === 'object'
      ? {
          module: replacement.module,
          name: replacement.export,
          // `config.loadSync()` -> `config.load()` when the replacement lives on the same module object.
          member: replacement.module === api.module && replacement.export !== 'default' ? [replacement.export] : null,
          promisify: replacement.promisify ?? false,
          label: replacement.export === 'default' ? replacement.module : `${replacement.module}.${replacement.export}`,
        }
      : null;
  const advice = typeof replacement === 'string' ? `Use \`${replacement}\` instead.` : api.instance ? INSTANCE_ADVICE : undefined;
  return {
    path,
    api: name,
    twin,
    ...(advice ? { advice } : {}),
    ...(api.message ? { message: api.message } : {}),
  };
}

/** One module spec per user entry (compileCatalog merges specs of the same module into one trie). */
export function userModuleSpecs(apis: readonly BlockingApiSetting[]): ModuleSpec[] {
  return apis.map((api) => {
    const { module, builtin } = canonicalModule(api.module);
    return { module, family: api.family, builtin, entries: [userEntry(api, module)] };
  });
}

const compiled = new WeakMap<ExtensionSettings, Catalog>();

/**
 * The catalog for these settings: the built-in one, or (when `blockingApis` has entries) the
 * built-in specs plus the user's, compiled once per settings object. User entries come first, so
 * one naming a built-in API replaces it (its family, message or replacement win).
 */
export function catalogFor(settings: ExtensionSettings): Catalog {
  if (settings.blockingApis.length === 0) return CATALOG;
  let catalog = compiled.get(settings);
  if (!catalog) {
    catalog = compileCatalog([...userModuleSpecs(settings.blockingApis), ...MODULE_SPECS]);
    compiled.set(settings, catalog);
  }
  return catalog;
}
