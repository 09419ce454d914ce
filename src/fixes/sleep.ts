import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Rewrite } from '../catalog/types.js';
import { constantString, type FunctionNode } from '../resolve/ast.js';
import type { BlockingUse } from '../resolve/blocking-uses.js';
import { ensureBinding, type ModuleKind } from './imports.js';
import { operandText } from './operands.js';
import { buildAwaitFix, type SwapFix } from './swap-to-async.js';

type Node = TSESTree.Node;

/** The promise-based timer every sleep rewrite uses. */
const TIMERS_MODULE = 'node:timers/promises';
const TIMER_EXPORT = 'setTimeout';
/**
 * Its local name when a new import is added: `sleep`, not `setTimeout`, which would shadow the
 * global callback `setTimeout` for the whole module (later `setTimeout(fn, ms)` calls would break).
 */
const TIMER_LOCAL = 'sleep';

export interface SleepRequest {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly moduleKind: ModuleKind;
  readonly makeAsync: FunctionNode | null;
}

/**
 * `await sleep(ms)` in place of `replaced`: a call statement's expression, or a whole loop
 * statement (`statement: true`, then `prefix` statements such as a `for` loop's init are kept
 * in a block before the sleep).
 */
export function buildSleepAt(
  { sourceCode, moduleKind, makeAsync }: SleepRequest,
  replaced: Node,
  milliseconds: string,
  statement: { readonly prefix: string | null } | null,
): SwapFix | null {
  const timer = ensureBinding(sourceCode, replaced, TIMERS_MODULE, TIMER_EXPORT, moduleKind, TIMER_LOCAL);
  const sleep = `await ${timer.text}(${milliseconds})`;
  const expression = statement ? (statement.prefix ? `{ ${statement.prefix} ${sleep}; }` : `${sleep};`) : sleep;
  return buildAwaitFix({ sourceCode, at: replaced, replaced, expression, unary: !statement, fixes: timer.fixes, makeAsync });
}

const FACTOR: Record<'s' | 'ms' | 'us', string | null> = { s: '* 1000', ms: null, us: '/ 1000' };

/** `n` in `unit` as milliseconds: folded for number literals, else `n * 1000` / `n / 1000`. */
function toMilliseconds(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, unit: 's' | 'ms' | 'us'): string {
  if (node.type === 'Literal' && typeof node.value === 'number') {
    const value = unit === 's' ? node.value * 1000 : unit === 'us' ? node.value / 1000 : node.value;
    return String(value);
  }
  const factor = FACTOR[unit];
  if (!factor) return sourceCode.getText(node);
  return `${operandText(sourceCode, node, factor[0] as '*' | '/', 'left')} ${factor}`;
}

/** `sleep.sleep(2)` -> `await sleep(2000)`, where the call is a statement of its own (its value, `undefined`, is unused). */
export function buildSleepCallFix(request: SleepRequest, use: BlockingUse, rewrite: Extract<Rewrite, { kind: 'sleep' }>): SwapFix | null {
  const call = use.call;
  if (call?.type !== 'CallExpression' || use.reference !== use.target || call.parent.type !== 'ExpressionStatement') return null;
  const argument = call.arguments[rewrite.argument];
  if (!argument || argument.type === 'SpreadElement') return null;
  return buildSleepAt(request, call, toMilliseconds(request.sourceCode, argument, rewrite.unit), null);
}

/** `sleep 2`, `sleep 0.5`, `sleep 1m` (GNU suffixes s, m, h, d) as milliseconds. */
const SLEEP_COMMAND = /^\s*(?:\S*\/)?sleep\s+(\d+(?:\.\d+)?)([smhd]?)\s*$/;
const SUFFIX_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `execSync('sleep 2')` -> `await sleep(2000)`, for a constant command and a result nobody reads. */
export function buildSleepCommandFix(request: SleepRequest, use: BlockingUse): SwapFix | null {
  const call = use.call;
  if (call?.type !== 'CallExpression' || use.reference !== use.target || call.parent.type !== 'ExpressionStatement') return null;
  const command = constantString(call.arguments[0]);
  const match = command === null ? null : SLEEP_COMMAND.exec(command);
  if (!match) return null;
  const milliseconds = Math.round(Number(match[1]) * SUFFIX_MS[match[2] ?? '']!);
  return buildSleepAt(request, call, String(milliseconds), null);
}
