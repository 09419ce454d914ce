// `trace --compare`: the linter's findings next to what a trace measured while serving.
import path from 'node:path';
import type { ESLint } from 'eslint';
import { TraceIndex } from './load.js';
import type { TraceFile, TraceSite } from './records.js';
import { describeMeasured } from './report.js';

export interface StaticFinding {
  /** Relative to the working directory, `/`-separated. */
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
  /** The API the message names (its first `code` span), when it names one. */
  readonly api: string | null;
  readonly message: string;
}

export interface Comparison {
  /** Reported by the linter and measured while serving. */
  readonly confirmed: readonly { readonly finding: StaticFinding; readonly sites: readonly TraceSite[] }[];
  /** Reported, but never ran while serving in this trace (`startup`: it ran, at start-up only). */
  readonly staticOnly: readonly { readonly finding: StaticFinding; readonly startup: readonly TraceSite[] }[];
  /** Measured while serving, not reported: the linter missed it (often inside a dependency). */
  readonly dynamicOnly: readonly TraceSite[];
}

const PLUGIN_RULE = /^event-loop\//;

export function staticFindings(results: readonly ESLint.LintResult[], cwd: string): StaticFinding[] {
  const findings: StaticFinding[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      if (!message.ruleId || !PLUGIN_RULE.test(message.ruleId)) continue;
      findings.push({
        file: path.relative(cwd, result.filePath).split(path.sep).join('/'),
        line: message.line,
        ruleId: message.ruleId,
        api: /`([^`]+)`/.exec(message.message)?.[1] ?? null,
        message: message.message,
      });
    }
  }
  return findings;
}

/** A finding and the sites at its line: the same API when one matches, else any API on the line. */
function sitesFor(index: TraceIndex, finding: StaticFinding, cwd: string): readonly TraceSite[] {
  const sites = index.at(path.resolve(cwd, finding.file), finding.line);
  const sameApi = sites.filter((site) => site.api === finding.api);
  return sameApi.length > 0 ? sameApi : sites;
}

export function compareTrace(trace: TraceFile, results: readonly ESLint.LintResult[], cwd: string): Comparison {
  const index = new TraceIndex(trace, cwd);
  const confirmed: { finding: StaticFinding; sites: TraceSite[] }[] = [];
  const staticOnly: { finding: StaticFinding; startup: TraceSite[] }[] = [];
  const matched = new Set<TraceSite>();
  for (const finding of staticFindings(results, cwd)) {
    const sites = sitesFor(index, finding, cwd);
    const serving = sites.filter((site) => site.serving);
    for (const site of sites) matched.add(site);
    if (serving.length > 0) confirmed.push({ finding, sites: serving });
    else staticOnly.push({ finding, startup: sites.filter((site) => !site.serving) });
  }
  const dynamicOnly = trace.sites.filter((site) => site.serving && !matched.has(site));
  return { confirmed, staticOnly, dynamicOnly };
}

const at = (item: { file: string; line: number }) => `${item.file}:${item.line}`;

export function formatComparison(comparison: Comparison): string {
  const lines: string[] = [];
  const section = (title: string, entries: readonly string[], none: string) => {
    lines.push(`${title} (${entries.length})`);
    lines.push(...(entries.length > 0 ? entries.map((entry) => `  ${entry}`) : [`  ${none}`]), '');
  };
  section(
    'Confirmed: reported by the linter and measured while serving',
    comparison.confirmed.map(({ finding, sites }) => `${at(finding)}  ${finding.api ?? finding.ruleId}  ${sites.map(describeMeasured).join('; ')}`),
    'none',
  );
  section(
    'Static only: reported, but never ran while serving in this trace',
    comparison.staticOnly.map(({ finding, startup }) => `${at(finding)}  ${finding.api ?? finding.ruleId}  (${finding.ruleId})${startup.length > 0 ? `  ran at start-up only: ${startup.map(describeMeasured).join('; ')}` : ''}`),
    'none',
  );
  section(
    'Dynamic only: blocked while serving, not reported by the linter',
    comparison.dynamicOnly.map((site) => {
      const inside = site.package ? `  inside ${site.package}, entered from ${at(site)} (${site.package} frame ${site.via ? at(site.via) : '?'})` : '';
      return `${at(site)}  ${site.api}  ${describeMeasured(site)}${inside}`;
    }),
    'none',
  );
  return lines.join('\n');
}
