import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DEFAULT_CONTEXTS, familyHasBusyWaitLoops, getFileAnalysis, type ContextOptions, type FileAnalysis } from './analysis/file-analysis.js';
import { isAllowed, type AllowItem } from './allow.js';
import type { CatalogEntry, Family } from './catalog/index.js';
import type { ServingContext } from './context/serving-context.js';
import { createRule } from './create-rule.js';
import { isBuiltin } from 'node:module';
import { boundedSuggestions } from './fixes/bounded.js';
import { withApplicableNote } from './installed-version.js';
import { buildOffloadFix } from './fixes/offload.js';
import { buildRewriteFix } from './fixes/rewrites.js';
import { buildSleepAt } from './fixes/sleep.js';
import { buildSwapFix, type SwapFix } from './fixes/swap-to-async.js';
import type { BlockingUse } from './resolve/blocking-uses.js';
import type { BusyWaitLoop, BusyWaitLoopNode } from './resolve/busy-wait-loops.js';
import { measuredTrace } from './trace/rule-hook.js';

export type { AllowItem };
export type Options = [{ readonly allow?: readonly AllowItem[]; readonly contexts?: Partial<ContextOptions> }];
export type MessageId =
  | 'blocking'
  | 'blockingValue'
  | 'busyLoop'
  | 'suggestAwait'
  | 'suggestAwaitMakeAsync'
  | 'suggestAwaitMakeAsyncNote'
  | 'suggestPromiseAll'
  | 'suggestOffload'
  | 'suggestOffloadMakeAsync'
  | 'suggestOffloadMakeAsyncNote'
  | 'suggestOffloadPromiseAll';

const contextsSchema: JSONSchema4 = {
  type: 'object',
  description: 'Where blocking calls are reported. See docs/contexts.md.',
  additionalProperties: false,
  properties: {
    asyncFunctions: { type: 'boolean', description: 'Report inside `async` functions, arrows and methods (and sync callbacks nested in them).' },
    routeHandlers: {
      type: 'boolean',
      description: 'Report inside route handlers and middleware of known frameworks (Express, Fastify, Koa, Hono, NestJS, Next.js, …), async or not.',
    },
    requestShapedParameters: {
      type: 'boolean',
      description:
        'Also treat functions with request-shaped parameters (`(req, res)`, `(request, reply)`, `(ctx, next)`, exported `(event, context)`) as handlers when their registration is not in the file. Needs `routeHandlers`.',
    },
    syncHelpers: {
      type: 'boolean',
      description:
        'Also report inside sync functions of the same file that serving code calls synchronously (a helper a route handler calls runs while serving). `no-indirect-blocking` reports the call site itself.',
    },
  },
};

export const allowSchema: JSONSchema4 = {
  type: 'array',
  description:
    'APIs this rule never reports: an export path (`existsSync`, matching every module), a qualified name (`fs.existsSync`), or `{ module, export }`. Duplicates are harmless.',
  // No `uniqueItems`: ajv checks it by comparing every pair of entries (47 s at 100,000 entries),
  // and a repeated entry means nothing worse than the entry once.
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

/** "use `fs.promises.readFile` instead." or the catalog's advice. */
export function insteadText(entry: CatalogEntry): string {
  // A user's own advice reads on after "…;": "Use x" becomes "use x" (not "HTTP …" or "`x` …").
  if (entry.message) return /^[A-Z][a-z ]/.test(entry.message) ? entry.message.charAt(0).toLowerCase() + entry.message.slice(1) : entry.message;
  if (entry.twin) return `use \`${entry.twin.label}\` instead.`;
  if (entry.rewrite && !entry.advice) return `use \`${entry.rewrite.label}\` instead.`;
  const advice = entry.advice ?? 'move the call to a worker pool.';
  return advice.charAt(0).toLowerCase() + advice.slice(1);
}

function reportUse(
  context: Readonly<TSESLint.RuleContext<MessageId, Options>>,
  analysis: FileAnalysis,
  use: BlockingUse,
  serving: ServingContext,
  measured = '',
): void {
  const entry = use.payload;
  const data = { api: entry.api, where: serving.description, instead: insteadText(entry) + measured, replacement: entry.rewrite?.label ?? entry.twin?.label ?? '' };
  if (!use.call) {
    context.report({ node: use.reference, messageId: 'blockingValue', data });
    return;
  }
  const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] = [];
  const makeAsync = makeAsyncTarget(serving);
  const moduleObject = analysis.moduleObjectAt(entry.module, use.call);
  let swap: SwapFix | null = null;
  if (entry.rewrite) {
    // A rewrite that knows how the result is used (or builds a different call) comes first.
    swap = buildRewriteFix(entry.rewrite, { sourceCode: context.sourceCode, use, moduleKind: analysis.moduleKind, moduleObject, makeAsync });
  } else if (entry.twin && use.call.type !== 'NewExpression') {
    swap = buildSwapFix({
      sourceCode: context.sourceCode,
      use: use as BlockingUse & { call: TSESTree.CallExpression },
      twin: entry.twin,
      moduleKind: analysis.moduleKind,
      moduleObject,
      makeAsync,
    });
  }
  if (swap) suggest.push({ messageId: suggestionMessage(swap, serving), data: { ...data, note: serving.asyncNote ?? '' }, fix: swap.fix });
  const pool = analysis.settings.workerPool;
  // The worker pool comes after the async API (safest first); Node's own async APIs already run on
  // libuv's thread pool, so builtins with a working swap get no offload suggestion.
  if (pool && !(swap && isBuiltin(entry.module))) {
    const offload = buildOffloadFix({ sourceCode: context.sourceCode, use, pool, moduleKind: analysis.moduleKind, makeAsync });
    if (offload) {
      const helper = pool.export === 'default' ? pool.module : pool.export;
      suggest.push({ messageId: offloadMessage(offload, serving), data: { ...data, helper, note: serving.asyncNote ?? '' }, fix: offload.fix });
    }
  }
  context.report({ node: use.reference, messageId: 'blocking', data, suggest: boundedSuggestions(context.sourceCode, suggest) });
}

/** The handler a fix may make `async`: a sync route handler whose framework awaits what it returns. */
function makeAsyncTarget(serving: ServingContext) {
  return serving.kind === 'route-handler' && serving.canMakeAsync !== false ? serving.root : null;
}

function suggestionMessage(swap: SwapFix, serving: ServingContext): MessageId {
  if (swap.shape === 'in-place') return 'suggestAwait';
  if (swap.shape === 'promise-all') return 'suggestPromiseAll';
  return serving.asyncNote ? 'suggestAwaitMakeAsyncNote' : 'suggestAwaitMakeAsync';
}

function offloadMessage(offload: SwapFix, serving: ServingContext): MessageId {
  if (offload.shape === 'in-place') return 'suggestOffload';
  if (offload.shape === 'promise-all') return 'suggestOffloadPromiseAll';
  return serving.asyncNote ? 'suggestOffloadMakeAsyncNote' : 'suggestOffloadMakeAsync';
}

const LOOP_KEYWORD = { WhileStatement: 'while', DoWhileStatement: 'do…while', ForStatement: 'for' } as const;

/** A loop spinning on a clock: reported on its condition's comparison; the fix replaces the loop with a sleep. */
function reportLoop(
  context: Readonly<TSESLint.RuleContext<MessageId, Options>>,
  analysis: FileAnalysis,
  found: BusyWaitLoop,
  serving: ServingContext,
): void {
  const entry = found.entry;
  const data = { api: entry.api, loop: LOOP_KEYWORD[found.loop.type], where: serving.description, instead: insteadText(entry), replacement: entry.rewrite?.label ?? '' };
  const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] = [];
  if (found.remaining !== null) {
    // A labelled loop goes with its label.
    const replaced = found.loop.parent.type === 'LabeledStatement' ? found.loop.parent : found.loop;
    const swap = buildSleepAt(
      { sourceCode: context.sourceCode, moduleKind: analysis.moduleKind, makeAsync: makeAsyncTarget(serving) },
      replaced,
      found.remaining,
      { prefix: found.prefix },
    );
    if (swap) suggest.push({ messageId: suggestionMessage(swap, serving), data: { ...data, note: serving.asyncNote ?? '' }, fix: swap.fix });
  }
  context.report({ node: found.comparison, messageId: 'busyLoop', data, suggest: boundedSuggestions(context.sourceCode, suggest) });
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
      schema: [{ type: 'object', additionalProperties: false, properties: { allow: allowSchema, contexts: contextsSchema } }],
      defaultOptions: [{ allow: [], contexts: { ...DEFAULT_CONTEXTS } }],
      messages: {
        blocking: '`{{api}}` blocks the event loop {{where}}; {{instead}}',
        blockingValue: '`{{api}}` is passed on as a function {{where}}, and each call to it blocks the event loop; {{instead}}',
        busyLoop: 'This `{{loop}}` loop spins on `{{api}}` until a deadline, blocking the event loop {{where}}; {{instead}}',
        suggestAwait: 'Replace with `{{replacement}}` and await it.',
        suggestAwaitMakeAsync: 'Replace with `{{replacement}}`, await it, and make the handler async.',
        suggestAwaitMakeAsyncNote: 'Replace with `{{replacement}}`, await it, and make the handler async ({{note}}).',
        suggestPromiseAll: 'Replace with `{{replacement}}` in an async callback and await all results with `Promise.all` (the callbacks then run concurrently).',
        suggestOffload: 'Run `{{api}}` in the worker pool through `{{helper}}` and await it.',
        suggestOffloadMakeAsync: 'Run `{{api}}` in the worker pool through `{{helper}}`, await it, and make the handler async.',
        suggestOffloadMakeAsyncNote: 'Run `{{api}}` in the worker pool through `{{helper}}`, await it, and make the handler async ({{note}}).',
        suggestOffloadPromiseAll:
          'Run `{{api}}` in the worker pool through `{{helper}}` in an async callback and await all results with `Promise.all` (the calls then run in parallel).',
      },
    },
    create(context, [options]) {
      const allow = options.allow ?? [];
      const contexts: ContextOptions = { ...DEFAULT_CONTEXTS, ...options.contexts };
      const listeners: TSESLint.RuleListener = {
        Program() {
          const analysis = getFileAnalysis(context);
          // settings['event-loop'].trace: measured figures in messages, measured serving code reported (docs/trace.md).
          const trace = measuredTrace(analysis.settings.trace, context.cwd, context.filename);
          let fileContext: ReturnType<FileAnalysis['contextFor']> | undefined;
          for (const use of analysis.uses) {
            if (use.payload.family !== family || isAllowed(use.payload, allow)) continue;
            fileContext ??= analysis.contextFor(contexts);
            const serving = fileContext.contextOf(use.reference) ?? trace?.observedServing(use.reference, use.payload.api, fileContext);
            if (serving) reportUse(context, analysis, use, withApplicableNote(serving, context.filename), trace?.note(use.reference, use.payload.api));
          }
        },
      };
      if (familyHasBusyWaitLoops(family)) {
        // Loops come from the traversal ESLint does anyway; the test itself is the shared engine's.
        const onLoop = (loop: BusyWaitLoopNode) => {
          const analysis = getFileAnalysis(context);
          const found = analysis.busyWaitLoop(loop);
          if (!found || isAllowed(found.entry, allow)) return;
          const serving = analysis.contextFor(contexts).contextOf(found.loop);
          if (serving) reportLoop(context, analysis, found, withApplicableNote(serving, context.filename));
        };
        listeners.WhileStatement = onLoop;
        listeners.DoWhileStatement = onLoop;
        listeners.ForStatement = onLoop;
      }
      return listeners;
    },
  });
}
