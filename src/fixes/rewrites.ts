import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { RewriteSpec } from '../catalog/types.js';
import type { FunctionNode } from '../resolve/ast.js';
import type { BlockingUse } from '../resolve/blocking-uses.js';
import { buildChildOutputFix } from './child-output.js';
import { buildFetchFix } from './fetch.js';
import { buildDropOptionFix, buildMethodFix, buildOptionsFix } from './package-calls.js';
import type { ModuleKind } from './imports.js';
import { buildSleepCallFix, buildSleepCommandFix } from './sleep.js';
import type { SwapFix } from './swap-to-async.js';

export interface RewriteRequest {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly use: BlockingUse;
  readonly moduleKind: ModuleKind;
  /** A visible variable holding the API's whole module object, if any. */
  readonly moduleObject: string | null;
  readonly makeAsync: FunctionNode | null;
}

/** Picks the fix builder a catalog rewrite names; `null` when it has no valid rewrite at this call. */
export function buildRewriteFix(spec: RewriteSpec, request: RewriteRequest): SwapFix | null {
  const { sourceCode, use, moduleKind, moduleObject, makeAsync } = request;
  // `new X()` entries have no rewrite: the instance cannot be awaited into being.
  if (!use.call || use.call.type === 'NewExpression') return null;
  const rewrite = spec.rewrite;
  switch (rewrite.kind) {
    case 'child-output':
      return buildChildOutputFix({ sourceCode, use: use as BlockingUse & { call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression }, moduleKind, moduleObject, makeAsync }, rewrite);
    case 'fetch':
      return buildFetchFix({ sourceCode, use, makeAsync }, rewrite);
    case 'sleep':
      return buildSleepCallFix({ sourceCode, moduleKind, makeAsync }, use, rewrite);
    case 'sleep-command':
      return buildSleepCommandFix({ sourceCode, moduleKind, makeAsync }, use);
    case 'method':
    case 'options':
    case 'drop-option': {
      if (use.call.type !== 'CallExpression') return null;
      const request = { sourceCode, use: use as BlockingUse & { call: TSESTree.CallExpression }, moduleKind, makeAsync };
      if (rewrite.kind === 'method') return buildMethodFix(request, rewrite);
      if (rewrite.kind === 'options') return buildOptionsFix(request, rewrite);
      return buildDropOptionFix(request, rewrite);
    }
    default:
      return null;
  }
}
