import { ESLintUtils } from '@typescript-eslint/utils';

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-event-loop/eslint-plugin-event-loop';

export interface PluginDocs {
  /** In `configs.recommended` (and `recommendedTypeChecked`). */
  readonly recommended: boolean;
  /** Needs `parserOptions.projectService`; without it the rule degrades, it never throws. */
  readonly requiresTypeChecking: boolean;
}

export const createRule = ESLintUtils.RuleCreator<PluginDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);
