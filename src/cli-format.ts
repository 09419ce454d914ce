import path from 'node:path';
import { diffLines } from 'diff';
import type { ESLint, Rule } from 'eslint';

/** At most this many changed lines are printed per suggestion; the rest are counted. */
export const MAX_PREVIEW_LINES = 24;
/** Past this many changed lines the diff gives up (jsdiff's `maxEditLength`): the rewrite is summarised. */
const MAX_EDIT_LENGTH = 2_000;

/**
 * The lines a fix changes, as `-`/`+` lines (removed before added in each run of changes). Only the
 * lines the fix's range touches are diffed, by jsdiff with a bound on the edit length, so a
 * suggestion in a 40,000-line file costs what its own lines cost, not the file's.
 */
export function fixPreview(source: string, fix: Rule.Fix): string[] {
  const start = source.lastIndexOf('\n', fix.range[0] - 1) + 1;
  const newline = source.indexOf('\n', fix.range[1]);
  const end = newline < 0 ? source.length : newline;
  const before = source.slice(start, end);
  const after = source.slice(start, fix.range[0]) + fix.text + source.slice(fix.range[1], end);
  return lineDiff(before, after);
}

/** Lines that differ between two texts, as `-`/`+` lines, at most `MAX_PREVIEW_LINES` of them. */
export function lineDiff(before: string, after: string): string[] {
  const changes = diffLines(before, after, { maxEditLength: MAX_EDIT_LENGTH, stripTrailingCr: true });
  const out: string[] = [];
  if (!changes) {
    const lines = (text: string) => text.split('\n').length;
    return [`(a rewrite of ${lines(before)} lines into ${lines(after)}: too large to show)`];
  }
  let hidden = 0;
  for (const change of changes) {
    if (!change.added && !change.removed) continue;
    const lines = change.value.split('\n');
    if (lines.at(-1) === '') lines.pop();
    for (const line of lines) {
      if (out.length < MAX_PREVIEW_LINES) out.push(`${change.added ? '+' : '-'} ${line.trim()}`);
      else hidden++;
    }
  }
  if (hidden > 0) out.push(`… ${hidden} more changed line${hidden === 1 ? '' : 's'}`);
  return out;
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
    // Columns and fix ranges count from after a byte-order mark, which ESLint strips.
    const source = (result.source ?? readSource(result.filePath)).replace(/^\uFEFF/, '');
    for (const message of result.messages) {
      const level = message.severity === 2 ? 'error' : 'warning';
      out += `  ${message.line}:${message.column}  ${level}  ${message.message}  ${message.ruleId ?? ''}\n`;
      for (const suggestion of message.suggestions ?? []) {
        out += `      suggestion: ${suggestion.desc}\n`;
        for (const line of fixPreview(source, suggestion.fix)) out += `        ${line}\n`;
      }
    }
  }
  const total = errors + warnings;
  if (total === 0) return 'No blocking calls found.\n';
  return `${out}\n✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${files} file${files === 1 ? '' : 's'}\n`;
}
