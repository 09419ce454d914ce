import path from 'node:path';
import type { ESLint, Rule } from 'eslint';

/** Lines that differ between two texts, as `-`/`+` pairs, via an LCS over the changed middle. */
export function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  // Suggestions touch a few lines; an import at the top and a call far below leave many equal
  // lines between, which the LCS table keeps out of the output.
  const table: number[][] = Array.from({ length: midA.length + 1 }, () => new Array<number>(midB.length + 1).fill(0));
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      table[i]![j] = midA[i] === midB[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  // Each run of changed lines prints its removed lines, then its added ones.
  const out: string[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      flush();
      i++;
      j++;
    } else if (j < midB.length && (i === midA.length || table[i]![j + 1]! >= table[i + 1]![j]!)) {
      added.push(`+ ${midB[j++]!.trim()}`);
    } else {
      removed.push(`- ${midA[i++]!.trim()}`);
    }
  }
  flush();
  return out;
}

function applyFix(source: string, fix: Rule.Fix): string {
  return source.slice(0, fix.range[0]) + fix.text + source.slice(fix.range[1]);
}

/** A stylish-like listing that also shows each suggestion and the lines it rewrites. */
export function formatWithSuggestions(results: readonly ESLint.LintResult[], cwd: string, readSource: (file: string) => string): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let files = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    files++;
    errors += result.errorCount;
    warnings += result.warningCount;
    out += `\n${path.relative(cwd, result.filePath) || result.filePath}\n`;
    const source = result.source ?? readSource(result.filePath);
    for (const message of result.messages) {
      const level = message.severity === 2 ? 'error' : 'warning';
      out += `  ${message.line}:${message.column}  ${level}  ${message.message}  ${message.ruleId ?? ''}\n`;
      for (const suggestion of message.suggestions ?? []) {
        out += `      suggestion: ${suggestion.desc}\n`;
        for (const line of lineDiff(source, applyFix(source, suggestion.fix))) out += `        ${line}\n`;
      }
    }
  }
  const total = errors + warnings;
  if (total === 0) return 'No blocking calls found.\n';
  return `${out}\n✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${files} file${files === 1 ? '' : 's'}\n`;
}
