import type { TSESLint } from '@typescript-eslint/utils';
import type { RewriteSpec } from '../catalog/types.js';
import type { FunctionNode } from '../resolve/ast.js';
import type { BlockingUse } from '../resolve/blocking-uses.js';
import { buildChildOutputFix } from './child-output.js';
import { buildFetchFix } from './fetch.js';
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
  if (!use.call) return null;
  const rewrite = spec.rewrite;
  switch (rewrite.kind) {
    case 'child-output':
      return buildChildOutputFix({ sourceCode, use: use as BlockingUse & { call: NonNullable<BlockingUse['call']> }, moduleKind, moduleObject, makeAsync }, rewrite);
    case 'fetch':
      return buildFetchFix({ sourceCode, use, makeAsync }, rewrite);
    case 'sleep':
      return buildSleepCallFix({ sourceCode, moduleKind, makeAsync }, use, rewrite);
    case 'sleep-command':
      return buildSleepCommandFix({ sourceCode, moduleKind, makeAsync }, use);
    default:
      return null;
  }
}
