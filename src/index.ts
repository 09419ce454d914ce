import type { Linter, ESLint, Rule } from 'eslint';
import { rules as ruleModules } from './rules.js';
import { PACKAGE } from './package-info.js';

export type { EventLoopFamily, EventLoopSettings } from './settings-schema.js';
export { SETTINGS_SCHEMA } from './settings-schema.js';

export const NAMESPACE = 'event-loop';

/** JavaScript files: every config lints them (ESLint's own parser reads them). */
export const JS_FILES = ['**/*.{js,mjs,cjs,jsx}'];

/**
 * TypeScript files, as a pattern ESLint treats as *universal* (it starts with `!`): the configs
 * apply to the `.ts` files the project's own config already lints (typescript-eslint's configs name
 * them), and never make ESLint lint a `.ts` file on its own. Without that, the one-line config in a
 * JavaScript project had ESLint parse `.ts` and `.d.ts` files with espree ("Parsing error").
 * (ESLint before 9.29 treats this pattern as a plain match: `.ts` files are linted as before.)
 */
export const TS_FILES = ['!**/!(*.ts|*.mts|*.cts|*.tsx)'];

/** Declaration files hold no code that runs: never linted by these configs. */
export const DECLARATION_FILES = ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts'];

/** Files the configs apply to: rules never run on JSON, CSS or Markdown. */
export const SOURCE_FILES = [...JS_FILES, ...TS_FILES];

/** The rule names, spelled out so the published types need nothing but ESLint's own. */
export type RuleName =
  | 'no-sync-fs'
  | 'no-sync-crypto'
  | 'no-sync-zlib'
  | 'no-sync-database'
  | 'no-sync-transform'
  | 'no-sync-child-process'
  | 'no-blocking-http'
  | 'no-busy-wait'
  | 'no-indirect-blocking';

// A rule added to rules.ts without its name here fails the build (and the reverse).
const ruleNamesMatch: [RuleName] extends [keyof typeof ruleModules] ? ([keyof typeof ruleModules] extends [RuleName] ? true : never) : never = true;
void ruleNamesMatch;

export const rules = ruleModules as unknown as Record<RuleName, Rule.RuleModule>;

function ruleLevels(names: readonly RuleName[]): Linter.RulesRecord {
  return Object.fromEntries(names.map((name) => [`${NAMESPACE}/${name}`, 'error'])) as Linter.RulesRecord;
}

const ruleNames = Object.keys(rules) as RuleName[];
const recommendedNames = ruleNames.filter((name) => (rules[name].meta?.docs as { recommended?: boolean } | undefined)?.recommended);

export type EventLoopConfigs = {
  recommended: Linter.Config;
  recommendedTypeChecked: Linter.Config;
  all: Linter.Config;
};

export interface EventLoopPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleName, Rule.RuleModule>;
  configs: EventLoopConfigs;
}

export const meta: EventLoopPlugin['meta'] = { name: PACKAGE.name, version: PACKAGE.version, namespace: NAMESPACE };

export const configs = {} as EventLoopConfigs;

const plugin: EventLoopPlugin = { meta, rules, configs };
// `require('eslint-plugin-event-loop').default` is the plugin too (a habit from transpiled ESM);
// not enumerable, so ESLint and its config inspector see only meta, rules and configs.
Object.defineProperty(plugin, 'default', { value: plugin, enumerable: false });

// Each config registers the plugin itself, so `export default [eventLoop.configs.recommended]` is a whole set-up.
Object.assign(configs, {
  recommended: {
    name: `${NAMESPACE}/recommended`,
    files: SOURCE_FILES,
    ignores: DECLARATION_FILES,
    plugins: { [NAMESPACE]: plugin },
    rules: ruleLevels(recommendedNames),
  },
  // `recommended` plus type-aware resolution (typed receivers, cross-file `no-indirect-blocking`).
  // Switched on by an explicit setting, never by merely finding a program; needs
  // `parserOptions.projectService`. Without a program every rule degrades to the untyped analysis
  // (and says so once per run on stderr).
  recommendedTypeChecked: {
    name: `${NAMESPACE}/recommendedTypeChecked`,
    files: SOURCE_FILES,
    ignores: DECLARATION_FILES,
    plugins: { [NAMESPACE]: plugin },
    settings: { [NAMESPACE]: { typeAware: 'auto' } },
    rules: ruleLevels(recommendedNames),
  },
  all: {
    name: `${NAMESPACE}/all`,
    files: SOURCE_FILES,
    ignores: DECLARATION_FILES,
    plugins: { [NAMESPACE]: plugin },
    rules: ruleLevels(ruleNames),
  },
} satisfies EventLoopConfigs);

/**
 * The plugin. From a CommonJS config (`eslint.config.cjs`), `require('eslint-plugin-event-loop')`
 * returns this object (the package entry, dist/src/entry.js, exports it as `'module.exports'`);
 * `meta`, `rules` and `configs` are also named exports, for a Node.js whose `require()` returns the
 * module namespace.
 */
export default plugin;
