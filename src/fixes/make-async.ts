import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../resolve/ast.js';

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/**
 * A fix that adds `async` to a sync function, or `null` where that is not valid (getters,
 * setters, constructors, generators would change meaning).
 */
export function asyncKeywordFix(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): ((fixer: Fixer) => Fix) | null {
  if (fn.async || fn.generator) return null;
  const parent = fn.parent as TSESTree.Node;
  if (parent.type === 'MethodDefinition' || parent.type === 'TSAbstractMethodDefinition' || (parent.type === 'Property' && (parent.method || parent.kind !== 'init'))) {
    if (parent.type !== 'Property' && parent.kind !== 'method') return null;
    if (parent.type === 'Property' && parent.kind !== 'init') return null;
    if (parent.value !== fn) return null;
    // `async` goes right before the key (after `static`, modifiers and decorators).
    const keyStart = parent.computed ? sourceCode.getTokenBefore(parent.key) : sourceCode.getFirstToken(parent.key);
    return keyStart ? (fixer) => fixer.insertTextBefore(keyStart, 'async ') : null;
  }
  const first = sourceCode.getFirstToken(fn);
  return first ? (fixer) => fixer.insertTextBefore(first, 'async ') : null;
}
