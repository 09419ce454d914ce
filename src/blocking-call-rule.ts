import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis, type FileAnalysis } from './analysis/file-analysis.js';
import { displayPath } from './catalog/define.js';
import type { CatalogEntry, Family } from './catalog/index.js';
import type { ServingContext } from './context/serving-context.js';
import { createRule } from './create-rule.js';
import { buildSwapFix } from './fixes/swap-to-async.js';
import type { BlockingUse } from './resolve/blocking-uses.js';

export type AllowItem = string | { readonly module: string; readonly export: string };
export type Options = [{ readonly allow?: readonly AllowItem[] }];
export type MessageId = 'blocking' | 'blockingValue' | 'suggestAwait' | 'suggestAwaitMakeAsync' | 'suggestPromiseAll';

export const allowSchema: JSONSchema4 = {
  type: 'array',
  description:
    'APIs this rule never reports: an export path (`existsSync`, matching every module), a qualified name (`fs.existsSync`), or `{ module, export }`.',
  uniqueItems: true,
  items: {
    anyOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        additionalProperties: false,
        required: ['module', 'export'],
        properties: {
          module: { type: 'string', minLength: 1, description: 'Module specifier, with or without `node:` (`fs`, `fs-extra`).' },
          export: { type: 'string', minLength: 1, description: 'Export path in that module (`existsSync`, `realpathSync.native`).' },
        },
      },
    ],
  },
};

export function isAllowed(entry: CatalogEntry, allow: readonly AllowItem[]): boolean {
  if (allow.length === 0) return false;
  const path = displayPath(entry.path);
  return allow.some((item) =>
    typeof item === 'string'
      ? item === path || item === entry.api
      : item.export === path && item.module.replace(/^node:/, '') === entry.module.replace(/^node:/, ''),
  );
}

/** "use `fs.promises.readFile` instead." or the catalog's advice. */
export function insteadText(entry: CatalogEntry): string {
  if (entry.twin) return `use \`${entry.twin.label}\` instead.`;
  const advice = entry.advice ?? 'move the call to a worker pool.';
  return advice.charAt(0).toLowerCase() + advice.slice(1);
}

function reportUse(
  context: Readonly<TSESLint.RuleContext<MessageId, Options>>,
  analysis: FileAnalysis,
  use: BlockingUse,
  serving: ServingContext,
): void {
  const entry = use.payload;
  const data = { api: entry.api, where: serving.description, instead: insteadText(entry), replacement: entry.twin?.label ?? '' };
  if (!use.call) {
    context.report({ node: use.reference, messageId: 'blockingValue', data });
    return;
  }
  const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] = [];
  if (entry.twin) {
    const swap = buildSwapFix({
      sourceCode: context.sourceCode,
      use: use as BlockingUse & { call: TSESTree.CallExpression },
      twin: entry.twin,
      moduleKind: analysis.moduleKind,
      moduleObject: analysis.moduleObjectAt(entry.module, use.call),
      makeAsync: serving.kind === 'route-handler' ? serving.root : null,
    });
    if (swap) {
      const messageId = swap.shape === 'in-place' ? 'suggestAwait' : swap.shape === 'make-async' ? 'suggestAwaitMakeAsync' : 'suggestPromiseAll';
      suggest.push({ messageId, data, fix: swap.fix });
    }
  }
  context.report({ node: use.reference, messageId: 'blocking', data, suggest });
}

export interface BlockingCallRuleSpec {
  readonly name: string;
  readonly family: Family;
  /** Imperative sentence for `meta.docs.description`. */
  readonly description: string;
}

/**
 * The shape every direct rule shares: select this family's uses from the per-file analysis,
 * keep those that run while serving work, report each once on its callee with a suggestion.
 */
export function createBlockingCallRule({ name, family, description }: BlockingCallRuleSpec) {
  return createRule<Options, MessageId>({
    name,
    meta: {
      type: 'problem',
      docs: { description, recommended: true, requiresTypeChecking: false, family },
      hasSuggestions: true,
      schema: [{ type: 'object', additionalProperties: false, properties: { allow: allowSchema } }],
      defaultOptions: [{ allow: [] }],
      messages: {
        blocking: '`{{api}}` blocks the event loop {{where}}; {{instead}}',
        blockingValue: '`{{api}}` is passed on as a function {{where}}, and each call to it blocks the event loop; {{instead}}',
        suggestAwait: 'Replace with `{{replacement}}` and await it.',
        suggestAwaitMakeAsync: 'Replace with `{{replacement}}`, await it, and make the handler async.',
        suggestPromiseAll: 'Replace with `{{replacement}}` in an async callback and await all results with `Promise.all` (the callbacks then run concurrently).',
      },
    },
    create(context, [options]) {
      const allow = options.allow ?? [];
      return {
        Program() {
          const analysis = getFileAnalysis(context);
          for (const use of analysis.uses) {
            if (use.payload.family !== family || isAllowed(use.payload, allow)) continue;
            const serving = analysis.context.contextOf(use.reference);
            if (serving) reportUse(context, analysis, use, serving);
          }
        },
      };
    },
  });
}
