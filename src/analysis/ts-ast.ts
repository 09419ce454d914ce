import type * as TS from 'typescript';

/** The expression under parentheses, `as`, `!`, `satisfies` and `<T>` assertions. */
export function skipWrappers(ts: typeof TS, expression: TS.Expression): TS.Expression {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
    node = node.expression;
  }
  return node;
}
