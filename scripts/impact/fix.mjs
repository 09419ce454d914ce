// Applies the plugin's own first suggestion to a route file, through ESLint's Linter API and the
// built plugin (dist/src/index.js). Nothing here is hand-written: the fixed route is whatever the
// suggestion produces.
import { Linter } from 'eslint';

/**
 * Lints `source` with `configs.recommended` and applies the first suggestion of the (single)
 * report. Returns the fixed source, the report and the suggestion's description.
 */
export function applyFirstSuggestion(plugin, source, filename) {
  const linter = new Linter({ configType: 'flat' });
  const config = [plugin.configs.recommended];
  const messages = linter.verify(source, config, { filename });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${filename}: parse error ${fatal.message}`);
  if (messages.length !== 1) {
    throw new Error(`${filename}: expected 1 report, got ${messages.length}: ${messages.map((m) => m.message).join(' | ')}`);
  }
  const [report] = messages;
  const suggestion = report.suggestions?.[0];
  if (!suggestion) throw new Error(`${filename}: ${report.ruleId} reported without a suggestion: ${report.message}`);
  const { range, text } = suggestion.fix;
  const fixed = source.slice(0, range[0]) + text + source.slice(range[1]);
  const after = linter.verify(fixed, config, { filename });
  if (after.length > 0) {
    throw new Error(`${filename}: the fixed route still has reports: ${after.map((m) => m.message).join(' | ')}`);
  }
  return { fixed, ruleId: report.ruleId, message: report.message, suggestion: suggestion.desc, line: report.line };
}
