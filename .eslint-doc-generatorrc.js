// eslint-doc-generator: rule doc headers and the README rules list are generated from the rules'
// meta and the configs; `npx eslint-doc-generator --check` (run by tests/meta/doc-generator.test.ts)
// fails when they are out of date. Run `npm run docs` after changing a rule's meta or a config.
/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  ruleDocTitleFormat: 'name',
  configEmoji: [
    ['recommended', '✅'],
    ['recommendedTypeChecked', '☑️'],
    ['all', '🌐'],
  ],
  ignoreConfig: ['all'],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'requiresTypeChecking'],
  urlRuleDoc: (name) => `docs/rules/${name}.md`,
};
