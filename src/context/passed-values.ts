import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { functionValues } from './function-values.js';
import type { FileHandlers } from './handlers.js';
import type { FileContext, ServingContext } from './serving-context.js';

type Node = TSESTree.Node;

/** Where a function handed on as a value (not called) ends up being run. */
export type PassedValueUse =
  /** Registered by a framework as a handler ("Express route handler"), wherever the registration is written. */
  | { readonly at: Node; readonly registeredAs: string }
  /** Called by a function of this file; `serving: null` when that call runs outside serving code. */
  | { readonly at: Node; readonly serving: ServingContext | null };

/** How many same-file functions a value may be handed through (`apiRoute` → `route` → the handler). */
const MAX_HANDOFFS = 3;

/**
 * A function of another file passed along in this one: registered as a handler
 * (`router.get('/', users.list)`), or given to a function of this file that calls its parameter
 * from serving code (`apiRoute(GET, '/log', log.get)` → `route(…, handler)` →
 * `(req, res) => handler(req, res)`), through up to three such hand-offs. `null` when the file does
 * not show where it runs; a `serving: null` answer when it only runs outside serving code.
 */
export function passedValueUse(
  sourceCode: Readonly<TSESLint.SourceCode>,
  reference: Node,
  handlers: FileHandlers,
  context: FileContext,
): PassedValueUse | null {
  const visited = new Set<Node>();
  const visit = (value: Node, depth: number): PassedValueUse | null => {
    if (visited.has(value)) return null;
    visited.add(value);
    const registered = handlers.registeredValues.get(value);
    if (registered) return { at: value, registeredAs: registered.label };
    const call = value.parent;
    if (depth >= MAX_HANDOFFS || call?.type !== 'CallExpression' || !call.arguments.includes(value as TSESTree.CallExpressionArgument)) return null;
    const index = call.arguments.indexOf(value as TSESTree.CallExpressionArgument);
    if (call.arguments.slice(0, index).some((argument) => argument.type === 'SpreadElement')) return null;
    const callees = functionValues(sourceCode, call.callee, { keys: [], throughCalls: false });
    const parameter = callees.length === 1 ? callees[0]!.params[index] : undefined;
    if (parameter?.type !== 'Identifier') return null;
    const variable = sourceCode.getDeclaredVariables(callees[0]!).find((each) => each.name === parameter.name);
    let found: PassedValueUse | null = null;
    for (const use of variable?.references ?? []) {
      const identifier = use.identifier as TSESTree.Identifier;
      const parent = identifier.parent;
      const answer =
        parent?.type === 'CallExpression' && parent.callee === identifier
          ? { at: parent, serving: context.contextOf(parent) }
          : visit(identifier, depth + 1);
      if (answer && (!('serving' in answer) || answer.serving)) return answer;
      found ??= answer;
    }
    return found;
  };
  return visit(reference, 0);
}
