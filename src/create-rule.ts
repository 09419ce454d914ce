import { ESLintUtils } from '@typescript-eslint/utils';
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

export const createRule = ESLintUtils.RuleCreator<PluginDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);
