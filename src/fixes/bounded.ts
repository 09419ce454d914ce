import type { TSESLint } from '@typescript-eslint/utils';

type Fix = TSESLint.RuleFix;

// ESLint turns a suggestion's several edits (an import added at the top, `async` on the handler,
// the call rewritten far below) into ONE replacement that spans all of them, carrying the whole
// untouched text between as its `text`. Its size grows with the distance between the edits, and a
// file with thousands of such calls gets quadratic output (20,000 calls in one handler: gigabytes
// of JSON). So:
//  - a suggestion whose edits are close together (the common case) is always offered;
//  - the wide ones share a per-file budget proportional to the file's size (4×, at least 1 MB),
//    which keeps a file's total suggestion text linear in its length: one import added 40,000
//    lines above its call is offered, the 500th make-async rewrite of one 20,000-call handler is not.

/** Edits within this many characters of each other are always offered. */
export const SMALL_SPAN = 2_000;
/** Wide suggestions of one file share this many characters, or 4× the file's length if more. */
const MIN_BUDGET = 1_000_000;

const budgets = new WeakMap<object, number>();

function span(fixes: readonly Fix[]): { start: number; end: number; added: number } {
  let start = Infinity;
  let end = -Infinity;
  let added = 0;
  for (const fix of fixes) {
    start = Math.min(start, fix.range[0]);
    end = Math.max(end, fix.range[1]);
    added += fix.text.length;
  }
  return { start, end, added };
}

/** `fix`, unless the single replacement ESLint would make of it is wide and the file's budget for wide ones is spent (then `null`: no suggestion). */
export function boundedFix(sourceCode: Readonly<TSESLint.SourceCode>, fix: TSESLint.ReportFixFunction): TSESLint.ReportFixFunction {
  return (fixer) => {
    const produced = fix(fixer);
    if (!produced) return produced;
    const fixes: Fix[] = 'range' in produced ? [produced as Fix] : [...(produced as Iterable<Fix>)];
    if (fixes.length < 2) return fixes;
    const { start, end, added } = span(fixes);
    const size = end - start + added;
    if (end - start <= SMALL_SPAN) return fixes;
    const budget = budgets.get(sourceCode) ?? Math.max(MIN_BUDGET, 4 * sourceCode.text.length);
    if (size > budget) return null;
    budgets.set(sourceCode, budget - size);
    return fixes;
  };
}

/** The suggestions with their fixes bounded; those whose fix comes out `null` ESLint leaves out. */
export function boundedSuggestions<MessageId extends string>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  suggest: readonly TSESLint.SuggestionReportDescriptor<MessageId>[],
): TSESLint.SuggestionReportDescriptor<MessageId>[] {
  return suggest.map((suggestion) => ({ ...suggestion, fix: boundedFix(sourceCode, suggestion.fix) }));
}
