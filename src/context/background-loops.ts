import type { TSESTree } from '@typescript-eslint/utils';
import { forEachChild, isFunction, type FunctionNode } from '../resolve/ast.js';
import { describeFunction, type ContextDecider } from './serving-context.js';

type Node = TSESTree.Node;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;
type Loop = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

/**
 * An async function running an endless loop that awaits (`while (true) { await sleep(100); flush(); }`,
 * `for (;;) { const job = await queue.pop(); … }`) works in the background for as long as the process
 * serves, however it was started: a recurring job, like a `setInterval`. A loop that can end (a
 * `break` or `return` in it: a retry until connected) is not, nor one that never awaits.
 */
export const backgroundLoopDecider = (visitorKeys: VisitorKeys): ContextDecider => (fn) => {
  if (!runsBackgroundLoop(fn, visitorKeys)) return undefined;
  return { kind: 'route-handler', root: fn, description: `inside ${describeFunction(fn, 'async ')}, a background loop`, canMakeAsync: false };
};

const loops = new WeakMap<FunctionNode, boolean>();

/** Whether `fn` is an async function whose body runs such a loop (start-up analysis asks too: what it calls is not start-up code). */
export function runsBackgroundLoop(fn: FunctionNode, visitorKeys: VisitorKeys): boolean {
  let known = loops.get(fn);
  if (known === undefined) {
    known = fn.async && fn.body.type === 'BlockStatement' && fn.body.body.some((statement) => isEndless(statement) && awaitsAndNeverEnds(statement, visitorKeys));
    loops.set(fn, known);
  }
  return known;
}

function isEndless(statement: Node): statement is Loop {
  if (statement.type === 'ForStatement') return statement.test === null || isTrue(statement.test);
  if (statement.type === 'WhileStatement' || statement.type === 'DoWhileStatement') return isTrue(statement.test);
  return false;
}

const isTrue = (test: TSESTree.Expression): boolean => test.type === 'Literal' && (test.value === true || test.value === 1);

/** The loop awaits in its own body, and no `break` (of it), `return` or `throw` of its own ends it. */
function awaitsAndNeverEnds(loop: Loop, visitorKeys: VisitorKeys): boolean {
  let awaits = false;
  let ends = false;
  const visit = (node: Node, loopDepth: number, switchDepth: number) => {
    if (ends || isFunction(node)) return;
    if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) awaits = true;
    if (node.type === 'ReturnStatement' || node.type === 'ThrowStatement') {
      ends = true;
      return;
    }
    if (node.type === 'BreakStatement') {
      // A labelled break may leave the loop; an unlabelled one leaves it unless an inner loop or switch takes it.
      if (node.label || (loopDepth === 0 && switchDepth === 0)) ends = true;
      return;
    }
    const innerLoop = node !== loop && /^(?:While|DoWhile|For|ForIn|ForOf)Statement$/.test(node.type);
    const innerSwitch = node.type === 'SwitchStatement';
    forEachChild(node, visitorKeys, (child) => visit(child, loopDepth + (innerLoop ? 1 : 0), switchDepth + (innerSwitch ? 1 : 0)));
  };
  visit(loop, 0, 0);
  return awaits && !ends;
}
