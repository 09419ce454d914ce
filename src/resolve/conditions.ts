import type { TSESTree } from '@typescript-eslint/utils';
import type { CallCondition } from '../catalog/types.js';
import { constantString, staticPropertyName } from './ast.js';

function isFunctionArgument(node: TSESTree.Node | undefined): boolean {
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
}

/** The constant text an argument starts with: a string, or a template literal's first chunk. */
function leadingText(node: TSESTree.Node | undefined): string | null {
  if (node?.type === 'TemplateLiteral') return node.quasis[0]?.value.cooked ?? null;
  return constantString(node);
}

/** Whether `call` meets `condition` (an absent condition always holds). */
export function matchesCondition(condition: CallCondition | undefined, call: TSESTree.CallExpression): boolean {
  if (!condition) return true;
  const args = call.arguments;
  if (condition.withoutCallback && isFunctionArgument(args.at(-1))) return false;
  if (condition.argumentMatches) {
    const text = leadingText(args[condition.argumentMatches.index]);
    if (text === null || !condition.argumentMatches.pattern.test(text)) return false;
  }
  if (condition.argumentEquals) {
    const arg = args[condition.argumentEquals.index];
    if (arg?.type !== 'Literal' || arg.value !== condition.argumentEquals.value) return false;
  }
  // --- child-process / http / busy-wait conditions
  if (condition.withoutOption && args.some((arg) => setsOption(arg, condition.withoutOption!.name))) return false;
  return true;
}

/** `{ name: <anything but false> }` as an object literal argument. */
function setsOption(node: TSESTree.Node, name: string): boolean {
  if (node.type !== 'ObjectExpression') return false;
  return node.properties.some(
    (property) =>
      property.type === 'Property' &&
      staticPropertyName(property) === name &&
      !(property.value.type === 'Literal' && property.value.value === false),
  );
}
