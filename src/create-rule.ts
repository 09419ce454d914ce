// The `eslint-utils` entry, not the package's main one: that one also loads `eslint` itself (for
// its ESLint class), which oxlint users may not have installed.
import { applyDefault, RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { Family } from './catalog/types.js';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-event-loop/eslint-plugin-event-loop';

export interface PluginDocs {
  /** In `configs.recommended` (and `recommendedTypeChecked`). */
  readonly recommended: boolean;
  /** Needs `parserOptions.projectService`; without it the rule degrades, it never throws. */
  readonly requiresTypeChecking: boolean;
  /** The catalog family a direct rule reports. */
  readonly family?: Family;
}

const ruleCreator = RuleCreator<PluginDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * typescript-eslint's `RuleCreator`, except that the options merged with `meta.defaultOptions` are
 * computed once per distinct configuration instead of once per file (RuleCreator's
 * `applyDefault` runs `structuredClone` on every `create`, a measurable share of a rule's time
 * on large code bases). The merged options are frozen, since every file shares them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Parameters<typeof ruleCreator<Options, MessageIds>>[0],
): ReturnType<typeof ruleCreator<Options, MessageIds>> {
  const rule = ruleCreator<Options, MessageIds>(spec);
  const defaults = (spec.meta.defaultOptions ?? []) as unknown as Options;
  const merged = new Map<string, Options>();
  const byIdentity = new WeakMap<object, Options>();
  return {
    ...rule,
    create(context) {
      // A rule configured as plain `'error'` gets the same options array for every file: no key to build.
      let options = byIdentity.get(context.options);
      if (!options) {
        const key = JSON.stringify(context.options);
        options = merged.get(key);
        if (!options) {
          options = deepFreeze(applyDefault<Options, Options>(defaults, context.options));
          merged.set(key, options);
        }
        byIdentity.set(context.options, options);
      }
      return spec.create(context, options);
    },
  };
}
