import { createRequire } from 'node:module';
import type { Linter, ESLint } from 'eslint';
import { rules } from './rules.js';

/** package.json sits two levels up from dist/src/index.js, one level up from src/index.ts. */
function readPackageJson(): { name: string; version: string } {
  const require = createRequire(import.meta.url);
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      const json = require(candidate) as { name?: string; version?: string };
      if (json.name === 'eslint-plugin-event-loop' && json.version) return { name: json.name, version: json.version };
    } catch {
      // Not at this level: try the next one.
    }
  }
  return { name: 'eslint-plugin-event-loop', version: '0.0.0' };
}

const packageJson = readPackageJson();

export const NAMESPACE = 'event-loop';

/** Files the configs apply to: rules never run on JSON, CSS or Markdown. */
export const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

type RuleName = keyof typeof rules;

function ruleLevels(names: readonly RuleName[]): Linter.RulesRecord {
  return Object.fromEntries(names.map((name) => [`${NAMESPACE}/${name}`, 'error'])) as Linter.RulesRecord;
}

const ruleNames = Object.keys(rules) as RuleName[];
const recommendedNames = ruleNames.filter((name) => rules[name].meta.docs?.recommended);

export interface EventLoopPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules & ESLint.Plugin['rules'];
  configs: {
    recommended: Linter.Config;
    recommendedTypeChecked: Linter.Config;
    all: Linter.Config;
  };
}

const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: NAMESPACE },
  rules,
  configs: {} as EventLoopPlugin['configs'],
} as EventLoopPlugin;

// Each config registers the plugin itself, so `export default [eventLoop.configs.recommended]` is a whole set-up.
Object.assign(plugin.configs, {
  recommended: {
    name: `${NAMESPACE}/recommended`,
    files: SOURCE_FILES,
    plugins: { [NAMESPACE]: plugin },
    rules: ruleLevels(recommendedNames),
  },
  // `recommended` plus type-aware resolution (typed receivers, cross-file `no-indirect-blocking`).
  // Switched on by an explicit setting, never by merely finding a program; needs
  // `parserOptions.projectService`. Without a program every rule degrades to the untyped analysis.
  recommendedTypeChecked: {
    name: `${NAMESPACE}/recommendedTypeChecked`,
    files: SOURCE_FILES,
    plugins: { [NAMESPACE]: plugin },
    settings: { [NAMESPACE]: { typeAware: 'auto' } },
    rules: ruleLevels(recommendedNames),
  },
  all: {
    name: `${NAMESPACE}/all`,
    files: SOURCE_FILES,
    plugins: { [NAMESPACE]: plugin },
    rules: ruleLevels(ruleNames),
  },
} satisfies EventLoopPlugin['configs']);

export default plugin;
export { rules };
