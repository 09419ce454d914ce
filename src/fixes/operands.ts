import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

const ADDITIVE = new Set(['+', '-']);
const MULTIPLICATIVE = new Set(['*', '/', '%', '**']);

/** Binding strength of an expression as an operand: higher binds tighter. */
function strength(node: Node): number {
  switch (node.type) {
    case 'SequenceExpression':
      return 0;
    case 'AssignmentExpression':
    case 'ArrowFunctionExpression':
    case 'YieldExpression':
    case 'ConditionalExpression':
      return 1;
    case 'LogicalExpression':
      return 2;
    case 'BinaryExpression':
      if (MULTIPLICATIVE.has(node.operator)) return 5;
      if (ADDITIVE.has(node.operator)) return 4;
      return 3;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return 3;
    default:
      return 6;
  }
}

/**
 * The text of `node` as an operand of a binary `+`/`-`/`*`/`/` on the given side, parenthesised
 * where the operator would otherwise regroup it (`a - (b - c)`, `(a + b) * 1000`).
 */
export function operandText(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: Node,
  operator: '+' | '-' | '*' | '/',
  side: 'left' | 'right',
): string {
  const text = sourceCode.getText(node);
  const own = strength(node);
  const needed = operator === '+' || operator === '-' ? 4 : 5;
  const wrap = side === 'left' ? own < needed : own <= needed;
  return wrap ? `(${text})` : text;
}
