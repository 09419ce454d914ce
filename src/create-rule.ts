// No runtime import of @typescript-eslint/utils: the rules only need its types (erased at build),
// and depending on it at run time would pull TypeScript (24 MB) into every JavaScript project.
import type { TSESLint } from '@typescript-eslint/utils';
import type { Family } from './catalog/types.js';
import { docsUrl } from './package-info.js';

export { REPOSITORY_URL } from './package-info.js';

export interface PluginDocs {
  /** In `configs.recommended` (and `recommendedTypeChecked`). */
  readonly recommended: boolean;
  /** Needs `parserOptions.projectService`; without it the rule degrades, it never throws. */
  readonly requiresTypeChecking: boolean;
  /** The catalog family a direct rule reports. */
  readonly family?: Family;
}

type RuleSpec<Options extends readonly unknown[], MessageIds extends string> = {
  readonly name: string;
  readonly meta: TSESLint.RuleMetaData<MessageIds, PluginDocs, Options> & { readonly defaultOptions?: Options };
  readonly create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, optionsWithDefault: Readonly<Options>) => TSESLint.RuleListener;
};

export type PluginRule<Options extends readonly unknown[], MessageIds extends string> = TSESLint.RuleModule<MessageIds, Options, PluginDocs> & {
  readonly name: string;
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key (user values win); anything else is replaced by the user's value. */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

/** typescript-eslint's `applyDefault`: each user option merged over the default at its index. */
export function applyDefault<Options extends readonly unknown[]>(defaults: Options, user: readonly unknown[] | undefined): Options {
  const options = structuredClone(defaults) as unknown as unknown[];
  if (!user) return options as unknown as Options;
  options.forEach((option, index) => {
    const value = user[index];
    if (value === undefined) return;
    options[index] = isPlainObject(option) && isPlainObject(value) ? deepMerge(option, value) : value;
  });
  return options as unknown as Options;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * typescript-eslint's `RuleCreator` (docs URL from the rule's name, options merged with
 * `meta.defaultOptions`), except that the merged options are computed once per distinct
 * configuration instead of once per file (`applyDefault` runs `structuredClone`, a measurable share
 * of a rule's time on large code bases). The merged options are frozen, since every file shares them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(spec: RuleSpec<Options, MessageIds>): PluginRule<Options, MessageIds> {
  const defaults = (spec.meta.defaultOptions ?? []) as unknown as Options;
  const merged = new Map<string, Options>();
  const byIdentity = new WeakMap<object, Options>();
  return {
    name: spec.name,
    defaultOptions: defaults,
    meta: { ...spec.meta, docs: { ...spec.meta.docs, url: docsUrl(`docs/rules/${spec.name}.md`) } },
    create(context) {
      // A rule configured as plain `'error'` gets the same options array for every file: no key to build.
      let options = byIdentity.get(context.options);
      if (!options) {
        const key = JSON.stringify(context.options);
        options = merged.get(key);
        if (!options) {
          options = deepFreeze(applyDefault(defaults, context.options));
          merged.set(key, options);
        }
        byIdentity.set(context.options, options);
      }
      return spec.create(context, options);
    },
  } as PluginRule<Options, MessageIds>;
}
