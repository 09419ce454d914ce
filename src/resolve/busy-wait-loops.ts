import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { BusyWaitLoopSpec } from '../catalog/busy-wait.js';
import type { CatalogEntry, ClockSpec } from '../catalog/types.js';
import { isFunction, staticPropertyName } from './ast.js';

type Node = TSESTree.Node;
type Loop = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;
/** Variables a loop re-reads the clock into (`now = Date.now()`), with the reading's text. */
type ClockVariables = Map<string, { readonly clock: ClockSpec; readonly text: string }>;

/** A loop that spins on a clock until a deadline: `while (Date.now() < end) {}`. */
export interface BusyWaitLoop {
  readonly loop: Loop;
  /** The comparison of the clock in the loop's condition: reports go on it. */
  readonly comparison: TSESTree.BinaryExpression;
  readonly clock: ClockSpec;
  /** What messages, `allow` and the family filter see: the clock as a catalog entry. */
  readonly entry: CatalogEntry;
  /**
   * How long is left to wait, in milliseconds, as source text (`end - Date.now()`), when the loop
   * is nothing but the wait and can be replaced by a sleep; `null` otherwise.
   */
  readonly remaining: string | null;
  /** Statements to keep before the sleep (a `for` loop's init), if any. */
  readonly prefix: string | null;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '!=', '!==']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);
const ASSIGNMENT_OPERATORS = new Set(['=', '+=', '-=']);

function unwrap(node: Node): Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSTypeAssertion'
  ) {
    current = current.expression;
  }
  return current;
}

export type BusyWaitLoopNode = Loop;

/**
 * Makes the busy-wait test for one file: given a loop statement (the rules' traversal hands them
 * over, so the file is not walked twice), says whether it is a busy-wait, syntactically: a `while`/`do…while`/`for` whose condition
 * compares a clock reading (through the real globals, never a shadowing binding) against
 * something, with no `await`/`yield` anywhere in it, and a body that does nothing but spin (no
 * calls other than clock readings). Loops doing work under a time budget are not busy-waits.
 */
export function createBusyWaitLoopFinder(sourceCode: Readonly<TSESLint.SourceCode>, spec: BusyWaitLoopSpec): (loop: Loop) => BusyWaitLoop | null {
  const text = sourceCode.text;
  if (!spec.clocks.some((clock) => text.includes(clock.global))) return () => null;
  /** The identifier names a global that nothing in scope shadows (a configured global has no definitions). */
  const isGlobal = (identifier: TSESTree.Identifier): boolean => {
    for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier); scope; scope = scope.upper) {
      const variable = scope.set.get(identifier.name);
      if (variable) return variable.defs.length === 0;
    }
    return true;
  };

  const clockNamed = (global: string, path: readonly string[]): ClockSpec | null =>
    spec.clocks.find((clock) => clock.global === global && clock.path.length === path.length && clock.path.every((segment, index) => segment === path[index])) ?? null;

  /** `new Date()` of the real `Date`, no arguments. */
  const isNewDate = (node: Node): node is TSESTree.NewExpression =>
    node.type === 'NewExpression' && node.arguments.length === 0 && node.callee.type === 'Identifier' && isGlobal(node.callee) && clockNamed(node.callee.name, ['new()']) !== null;

  /** The clock `node` reads, if it is a reading: `Date.now()`, `new Date().getTime()`, `+new Date()`… */
  const readingOf = (raw: Node): ClockSpec | null => {
    const node = unwrap(raw);
    if (node.type === 'UnaryExpression' && (node.operator === '+' || node.operator === '-')) return readingOf(node.argument);
    if (node.type === 'NewExpression') return isNewDate(node) ? clockNamed((node.callee as TSESTree.Identifier).name, ['new()']) : null;
    if (node.type !== 'CallExpression') return null;
    const segments: string[] = [];
    let object: Node = unwrap(node.callee);
    while (object.type === 'MemberExpression') {
      const name = staticPropertyName(object);
      if (name === null) return null;
      segments.unshift(name);
      object = unwrap(object.object);
    }
    if (object.type === 'Identifier') return isGlobal(object) ? clockNamed(object.name, segments) : null;
    if (isNewDate(object)) return clockNamed((object.callee as TSESTree.Identifier).name, ['new()', ...segments]);
    return null;
  };

  /**
   * A clock reading somewhere in an arithmetic operand (`Date.now() - start`, `process.hrtime(t)[0]`,
   * `(now = Date.now())`), or a variable the loop re-reads the clock into.
   */
  const findReading = (raw: Node, clockVariables: ClockVariables): { clock: ClockSpec; node: Node } | null => {
    const node = unwrap(raw);
    const clock = readingOf(node);
    if (clock) return { clock, node };
    if (node.type === 'Identifier') {
      const variable = clockVariables.get(node.name);
      return variable ? { clock: variable.clock, node } : null;
    }
    if (node.type === 'AssignmentExpression' && node.operator === '=') return findReading(node.right, clockVariables);
    if (node.type === 'BinaryExpression' && ARITHMETIC.has(node.operator)) return findReading(node.left, clockVariables) ?? findReading(node.right, clockVariables);
    if (node.type === 'MemberExpression' && node.computed) return findReading(node.object, clockVariables);
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'Number' && node.arguments.length === 1 && isGlobal(node.callee)) {
      return findReading(node.arguments[0]!, clockVariables);
    }
    return null;
  };

  const examine = (loop: Loop): BusyWaitLoop | null => {
    const test = loop.test;
    if (!test) return null;
    // Cheap first: the loop's text must name a clock's global at all.
    const loopText = text.slice(loop.range[0], loop.range[1]);
    if (!spec.clocks.some((clock) => loopText.includes(clock.global))) return null;
    if (containsAwaitOrYield(loop, sourceCode.visitorKeys)) return null;
    // Variables the loop re-reads the clock into: `now = Date.now()` in the body or update.
    const clockVariables: ClockVariables = new Map();
    const parts: Node[] = [loop.body];
    if (loop.type === 'ForStatement' && loop.update) parts.push(loop.update);
    let onlyWaits = true;
    for (const part of parts) {
      const spin = spinOnly(part, readingOf, sourceCode, clockVariables);
      if (spin === 'work') return null;
      if (spin === 'side-effects') onlyWaits = false;
    }
    const comparisons = collectComparisons(test);
    for (const comparison of comparisons) {
      const left = findReading(comparison.left, clockVariables);
      const right = findReading(comparison.right, clockVariables);
      if (!left === !right) continue;
      const reading = (left ?? right)!;
      const single = comparisons.length === 1 && unwrap(test) === comparison;
      let remaining: string | null = null;
      if (onlyWaits && single && reading.clock.unit !== 'hrtime') {
        remaining = remainingTime(sourceCode, comparison, left !== null, reading, clockVariables);
      }
      let prefix: string | null = null;
      if (loop.type === 'ForStatement' && loop.init) {
        // A declaration in a `for` head has no semicolon of its own.
        prefix = `${sourceCode.getText(loop.init)};`;
      }
      return { loop, comparison, clock: reading.clock, entry: entryFor(spec, reading.clock), remaining, prefix };
    }
    return null;
  };

  const memo = new Map<Loop, BusyWaitLoop | null>();
  return (loop) => {
    let found = memo.get(loop);
    if (found === undefined) {
      found = examine(loop);
      memo.set(loop, found);
    }
    return found;
  };
}

const entryCache = new WeakMap<ClockSpec, CatalogEntry>();

function entryFor(spec: BusyWaitLoopSpec, clock: ClockSpec): CatalogEntry {
  let entry = entryCache.get(clock);
  if (!entry) {
    entry = Object.freeze({
      kind: 'blocking',
      module: clock.global,
      path: clock.path,
      family: spec.family,
      api: clock.api,
      twin: null,
      advice: spec.advice,
      when: undefined,
      rewrite: spec.rewrite,
    });
    entryCache.set(clock, entry);
  }
  return entry;
}

/** The clock comparisons of a loop condition, through `&&`, `||`, `!` and parentheses. */
function collectComparisons(test: Node): TSESTree.BinaryExpression[] {
  const node = unwrap(test);
  if (node.type === 'LogicalExpression') return [...collectComparisons(node.left), ...collectComparisons(node.right)];
  if (node.type === 'UnaryExpression' && node.operator === '!') return collectComparisons(node.argument);
  if (node.type === 'BinaryExpression' && COMPARISONS.has(node.operator)) return [node];
  return [];
}

/**
 * Whether a loop body (or update) only spins: `'spin'` (empty, or re-reads the clock into a
 * variable), `'side-effects'` (also counts or assigns, without calls: still a busy-wait, but a
 * sleep would drop the effects), `'work'` (calls something, breaks out, returns: not a busy-wait).
 */
function spinOnly(
  part: Node,
  readingOf: (node: Node) => ClockSpec | null,
  sourceCode: Readonly<TSESLint.SourceCode>,
  clockVariables: Map<string, { clock: ClockSpec; text: string }>,
): 'spin' | 'side-effects' | 'work' {
  let result: 'spin' | 'side-effects' = 'spin';
  const walk = (node: Node): boolean => {
    switch (node.type) {
      case 'EmptyStatement':
      case 'ContinueStatement':
        return true;
      case 'BlockStatement':
        return node.body.every(walk);
      case 'ExpressionStatement':
        return walk(node.expression);
      case 'SequenceExpression':
        return node.expressions.every(walk);
      case 'AssignmentExpression': {
        const clock = readingOf(node.right);
        if (clock && node.operator === '=' && node.left.type === 'Identifier') {
          clockVariables.set(node.left.name, { clock, text: sourceCode.getText(node.right) });
          return true;
        }
        if (!ASSIGNMENT_OPERATORS.has(node.operator) || !callFree(node.right, readingOf)) return false;
        result = 'side-effects';
        return node.left.type === 'Identifier';
      }
      case 'UpdateExpression':
        result = 'side-effects';
        return node.argument.type === 'Identifier';
      case 'CallExpression':
        return readingOf(node) !== null;
      default:
        return false;
    }
  };
  return walk(part) ? result : 'work';
}

/** No calls, `new`, or functions in `node` other than clock readings. */
function callFree(node: Node, readingOf: (node: Node) => ClockSpec | null): boolean {
  switch (node.type) {
    case 'Identifier':
    case 'Literal':
      return true;
    case 'BinaryExpression':
      return node.left.type !== 'PrivateIdentifier' && callFree(node.left, readingOf) && callFree(node.right, readingOf);
    case 'UnaryExpression':
      return callFree(node.argument, readingOf);
    case 'CallExpression':
    case 'NewExpression':
      return readingOf(node) !== null;
    default:
      return false;
  }
}

/**
 * Milliseconds left, from `A < B` (the clock in `A`) as `B - A`, or `A > B` (the clock in `B`) as
 * `A - B`; for `process.hrtime.bigint()` readings `Number(B - A) / 1e6`. A variable that re-reads the
 * clock is replaced by the reading itself (`now < end` with `now = Date.now()` -> `end - Date.now()`).
 */
function remainingTime(
  sourceCode: Readonly<TSESLint.SourceCode>,
  comparison: TSESTree.BinaryExpression,
  clockOnLeft: boolean,
  reading: { clock: ClockSpec; node: Node },
  clockVariables: ClockVariables,
): string | null {
  const less = comparison.operator === '<' || comparison.operator === '<=';
  const greater = comparison.operator === '>' || comparison.operator === '>=';
  if (!(less && clockOnLeft) && !(greater && !clockOnLeft)) return null;
  const clockSide = clockOnLeft ? comparison.left : comparison.right;
  const deadline = clockOnLeft ? comparison.right : comparison.left;
  const deadlineText = operand(sourceCode, deadline, 'left', clockVariables);
  const clockText = operand(sourceCode, clockSide, 'right', clockVariables);
  const difference = `${deadlineText} - ${clockText}`;
  return reading.clock.unit === 'ns-bigint' ? `Number(${difference}) / 1e6` : difference;
}

function operand(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, side: 'left' | 'right', clockVariables: ClockVariables): string {
  let inner = unwrap(node);
  while (inner.type === 'AssignmentExpression' && inner.operator === '=') inner = unwrap(inner.right);
  const text = substituted(sourceCode, inner, clockVariables);
  const additive = inner.type === 'BinaryExpression' && (inner.operator === '+' || inner.operator === '-');
  const multiplicative = inner.type === 'BinaryExpression' && (inner.operator === '*' || inner.operator === '/' || inner.operator === '%');
  const loose =
    inner.type === 'ConditionalExpression' ||
    inner.type === 'LogicalExpression' ||
    inner.type === 'AssignmentExpression' ||
    inner.type === 'SequenceExpression' ||
    inner.type === 'TSAsExpression' ||
    inner.type === 'TSSatisfiesExpression' ||
    (inner.type === 'BinaryExpression' && !additive && !multiplicative && inner.operator !== '**');
  const wrap = loose || (side === 'right' && additive);
  return wrap ? `(${text})` : text;
}

/** The text of `node` with each variable that holds a clock reading replaced by the reading. */
function substituted(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, clockVariables: ClockVariables): string {
  const text = sourceCode.getText(node);
  if (clockVariables.size === 0) return text;
  const edits: { start: number; end: number; text: string }[] = [];
  const walk = (current: Node) => {
    if (current.type === 'Identifier') {
      const variable = clockVariables.get(current.name);
      if (variable) edits.push({ start: current.range[0], end: current.range[1], text: variable.text });
      return;
    }
    if (current.type === 'MemberExpression') {
      walk(current.object);
      if (current.computed) walk(current.property);
      return;
    }
    if (current.type === 'BinaryExpression' || current.type === 'LogicalExpression') {
      walk(current.left);
      walk(current.right);
    } else if (current.type === 'UnaryExpression') {
      walk(current.argument);
    } else if (current.type === 'CallExpression') {
      current.arguments.forEach(walk);
    }
  };
  walk(node);
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start - node.range[0]) + edit.text + result.slice(edit.end - node.range[0]);
  }
  return result;
}

/** `await` or `yield` anywhere in the loop, not counting nested functions. */
function containsAwaitOrYield(loop: Loop, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const walk = (node: Node): boolean => {
    if (node.type === 'AwaitExpression' || node.type === 'YieldExpression') return true;
    if (node.type === 'ForOfStatement' && node.await) return true;
    if (node !== loop && isFunction(node)) return false;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child === 'object' && 'type' in child && walk(child as Node)) return true;
      } else if (value && typeof value === 'object' && 'type' in value && walk(value as Node)) {
        return true;
      }
    }
    return false;
  };
  return walk(loop);
}
