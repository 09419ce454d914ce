import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis, type FileAnalysis } from './analysis/file-analysis.js';
import type { BlockingPath, HelperCall, PathStep, UseFilter } from './analysis/function-summaries.js';
import { isAllowed, type AllowItem } from './allow.js';
import { allowSchema, insteadText } from './blocking-call-rule.js';
import type { ServingContext } from './context/serving-context.js';
import { createRule } from './create-rule.js';
import { boundedSuggestions } from './fixes/bounded.js';
import { asyncKeywordFix } from './fixes/make-async.js';
import { innermostFunction, needsParentheses } from './fixes/swap-to-async.js';

export type Options = [{ readonly allow?: readonly AllowItem[] }];
export type MessageId = 'blocking' | 'suggestTwin' | 'suggestTwinMakeAsync';

/** "`b()` (line 3), which calls `fs.readFileSync` (line 9)"; steps in other files name the file. */
export function chainText(steps: readonly PathStep[]): string {
  return steps.map((step) => `\`${step.label}\` (${step.file ? `${step.file}:${step.line}` : `line ${step.line}`})`).join(', which calls ');
}

/** What to change when no async twin is at hand: the blocking call at the end of the chain. */
function fixText(path: BlockingPath): string {
  const instead = insteadText(path.entry);
  return path.owner ? `In \`${path.owner}\`, ${instead}` : `Fix that call: ${instead}`;
}

const filters = new WeakMap<readonly AllowItem[], UseFilter>();

function filterOf(allow: readonly AllowItem[]): UseFilter {
  let filter = filters.get(allow);
  if (!filter) {
    filter = allow.length === 0 ? { key: '', test: () => true } : { key: JSON.stringify(allow), test: (entry) => !isAllowed(entry, allow) };
    filters.set(allow, filter);
  }
  return filter;
}

/** `await twin(…)` in place of the helper's call, in an async function (or a handler made async). */
function twinSuggestion(
  context: Readonly<TSESLint.RuleContext<MessageId, Options>>,
  call: HelperCall,
  twin: NonNullable<ReturnType<ReturnType<FileAnalysis['summaries']>['twinOf']>>,
  serving: ServingContext,
): TSESLint.SuggestionReportDescriptor<MessageId> | null {
  const node = call.node as TSESTree.CallExpression;
  const inner = innermostFunction(node);
  if (!inner || inner.generator) return null;
  const makeAsync = !inner.async && serving.kind === 'route-handler' && serving.root === inner ? asyncKeywordFix(context.sourceCode, inner) : null;
  if (!inner.async && !makeAsync) return null;
  const replaced: TSESTree.Node = node.parent.type === 'ChainExpression' ? node.parent : node;
  const sourceCode = context.sourceCode;
  const text = sourceCode.getText(replaced);
  const start = replaced.range[0];
  const renamed = text.slice(0, twin.rename.range[0] - start) + twin.name + text.slice(twin.rename.range[1] - start);
  const expression = needsParentheses(replaced, true) ? `(await ${renamed})` : `await ${renamed}`;
  return {
    messageId: makeAsync ? 'suggestTwinMakeAsync' : 'suggestTwin',
    data: { twin: twin.name },
    fix: (fixer) => [fixer.replaceText(replaced, expression), ...(makeAsync ? [makeAsync(fixer)] : [])],
  };
}

export interface IndirectRuleSpec {
  readonly name: string;
  readonly description: string;
}

/**
 * Reports calls, made while serving work, of sync functions that block through other calls
 * (helpers, methods, getters, constructors). The blocking call itself is the direct rules' job.
 */
export function createIndirectBlockingRule({ name, description }: IndirectRuleSpec) {
  return createRule<Options, MessageId>({
    name,
    meta: {
      type: 'problem',
      docs: { description, recommended: true, requiresTypeChecking: false },
      hasSuggestions: true,
      schema: [{ type: 'object', additionalProperties: false, properties: { allow: allowSchema } }],
      defaultOptions: [{ allow: [] }],
      messages: {
        blocking: '`{{callee}}` blocks the event loop: it calls {{chain}}. {{fix}}',
        suggestTwin: 'Call `{{twin}}` instead and await it.',
        suggestTwinMakeAsync: 'Call `{{twin}}` instead, await it, and make the handler async.',
      },
    },
    create(context, [options]) {
      const filter = filterOf(options.allow ?? []);
      return {
        Program() {
          const analysis = getFileAnalysis(context);
          const summaries = analysis.summaries(filter);
          for (const call of summaries.calls) {
            const serving = analysis.context.contextOf(call.node);
            if (!serving) continue;
            // An async helper that blocks inside blocks the event loop as it runs, after the call has its promise.
            const path = summaries.pathOf(call) ?? summaries.runningPathOf(call);
            if (!path) continue;
            const twin = summaries.twinOf(call);
            const suggestion = twin && twinSuggestion(context, call, twin, serving);
            context.report({
              node: call.reference,
              messageId: 'blocking',
              data: {
                callee: call.label,
                chain: chainText(path.steps),
                fix: twin ? `Use its async twin \`${twin.name}()\` instead.` : fixText(path),
              },
              suggest: suggestion ? boundedSuggestions(context.sourceCode, [suggestion]) : [],
            });
          }
        },
      };
    },
  });
}
