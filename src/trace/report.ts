// Merging the records of every traced process into one trace, and writing it: the terminal table,
// the JSON trace file and SARIF 2.1.0 for code scanning.
import { docsUrl, PACKAGE } from '../package-info.js';
import type { ProcessRecord, RouteCount, TraceFile, TraceSite } from './records.js';

type MutableSite = { -readonly [K in keyof TraceSite]: TraceSite[K] } & { routeMap: Map<string, number> };

const siteKey = (site: TraceSite) =>
  `${site.file}:${site.line}\0${site.api}\0${site.serving}\0${site.package ?? ''}\0${site.via ? `${site.via.file}:${site.via.line}` : ''}`;

/** One entry per call site, API and serving state across all processes, by total blocked time. */
export function mergeRecords(records: readonly ProcessRecord[]): TraceSite[] {
  const merged = new Map<string, MutableSite>();
  for (const record of records) {
    for (const site of record.sites) {
      const key = siteKey(site);
      let into = merged.get(key);
      if (!into) {
        into = { ...site, calls: 0, totalMs: 0, maxMs: 0, routes: [], routeMap: new Map() };
        merged.set(key, into);
      }
      into.calls += site.calls;
      into.totalMs += site.totalMs;
      into.maxMs = Math.max(into.maxMs, site.maxMs);
      for (const { route, calls } of site.routes) into.routeMap.set(route, (into.routeMap.get(route) ?? 0) + calls);
    }
  }
  return [...merged.values()]
    .map(({ routeMap, ...site }) => ({
      ...site,
      totalMs: round(site.totalMs),
      maxMs: round(site.maxMs),
      routes: [...routeMap].map(([route, calls]): RouteCount => ({ route, calls })).sort((a, b) => b.calls - a.calls || a.route.localeCompare(b.route)),
    }))
    .sort((a, b) => b.totalMs - a.totalMs || a.file.localeCompare(b.file) || a.line - b.line);
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

const count = (n: number) => n.toLocaleString('en-US');
export const milliseconds = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 0.1 ? ms.toFixed(2) : ms.toFixed(3));

/** "ran 1,204 times during GET /users/:id, 3.1 ms each (at most 9.0 ms)". */
export function describeMeasured(site: Pick<TraceSite, 'calls' | 'totalMs' | 'maxMs' | 'routes' | 'serving'>): string {
  const times = site.calls === 1 ? 'once' : `${count(site.calls)} times`;
  const routes = site.routes.slice(0, 3).map((route) => route.route);
  const more = site.routes.length > 3 ? ` and ${site.routes.length - 3} more route${site.routes.length === 4 ? '' : 's'}` : '';
  const during = routes.length > 0 ? ` during ${routes.join(', ')}${more}` : site.serving ? ' while serving' : ' at start-up';
  const each = site.calls === 1 ? `${milliseconds(site.totalMs)} ms` : `${milliseconds(site.totalMs / site.calls)} ms each (at most ${milliseconds(site.maxMs)} ms)`;
  return `ran ${times}${during}, ${each}`;
}

const where = (site: TraceSite) => `${site.file}:${site.line}`;
const inDependency = (site: TraceSite) => (site.package ? ` in ${site.package} (entered at ${site.via?.file}:${site.via?.line})` : '');

function table(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => row.map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd())
    .join('\n');
}

/** The terminal summary: serving calls first (by total blocked time), then start-up calls. */
export function formatTable(trace: TraceFile, limit: number): string {
  const lines: string[] = [];
  const serving = trace.sites.filter((site) => site.serving);
  const startup = trace.sites.filter((site) => !site.serving);
  const header = ['total ms', 'calls', 'mean ms', 'max ms', 'API', 'call site', 'routes'];
  const row = (site: TraceSite) => [
    milliseconds(site.totalMs),
    count(site.calls),
    milliseconds(site.totalMs / site.calls),
    milliseconds(site.maxMs),
    site.api,
    where(site) + inDependency(site),
    site.routes.slice(0, 2).map((route) => `${route.route} (${count(route.calls)})`).join(', ') + (site.routes.length > 2 ? ', …' : ''),
  ];
  const processes = `${trace.processes} Node.js process${trace.processes === 1 ? '' : 'es'}`;
  lines.push(`event-loop-lint trace: ${serving.length} blocking call site${serving.length === 1 ? '' : 's'} ran while serving (${processes} traced).`);
  if (serving.length > 0) {
    lines.push('', 'While serving (by total blocked time):', table([header, ...serving.slice(0, limit).map(row)], new Set([0, 1, 2, 3])));
    if (serving.length > limit) lines.push(`… and ${serving.length - limit} more (see --json).`);
  }
  if (startup.length > 0) {
    const total = startup.reduce((sum, site) => sum + site.totalMs, 0);
    lines.push('', `At start-up, not serving: ${startup.length} call site${startup.length === 1 ? '' : 's'}, ${milliseconds(total)} ms in all.`);
    lines.push(table([header.slice(0, 6), ...startup.slice(0, Math.min(limit, 5)).map((site) => row(site).slice(0, 6))], new Set([0, 1, 2, 3])));
    if (startup.length > Math.min(limit, 5)) lines.push(`… and ${startup.length - Math.min(limit, 5)} more (see --json).`);
  }
  return `${lines.join('\n')}\n`;
}

/** The rule of the plugin that reports each family statically (a SARIF result's rule names it). */
const RULE_OF_FAMILY: Readonly<Record<string, string>> = {
  fs: 'no-sync-fs',
  'child-process': 'no-sync-child-process',
  http: 'no-blocking-http',
  'busy-wait': 'no-busy-wait',
  crypto: 'no-sync-crypto',
  zlib: 'no-sync-zlib',
  database: 'no-sync-database',
  transform: 'no-sync-transform',
};

/** SARIF 2.1.0: one result per call site that blocked while serving (start-up calls are not problems). */
export function toSarif(trace: TraceFile): object {
  const serving = trace.sites.filter((site) => site.serving);
  const families = [...new Set(serving.map((site) => site.family))].sort();
  const ruleId = (family: string) => `event-loop/trace/${RULE_OF_FAMILY[family] ?? family}`;
  const rules = families.map((family) => ({
    id: ruleId(family),
    name: `measured-${RULE_OF_FAMILY[family] ?? family}`,
    shortDescription: { text: `A blocking call (${family}) measured while the process served work` },
    helpUri: docsUrl('docs/trace.md'),
    defaultConfiguration: { level: 'warning' },
  }));
  const root = trace.root.endsWith('/') ? trace.root : `${trace.root}/`;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'event-loop-lint trace', version: PACKAGE.version, informationUri: docsUrl('docs/trace.md'), rules } },
        originalUriBaseIds: { SRCROOT: { uri: new URL(`file://${root}`).href } },
        results: serving.map((site) => ({
          ruleId: ruleId(site.family),
          ruleIndex: families.indexOf(site.family),
          level: 'warning',
          message: { text: `\`${site.api}\` blocked the event loop while serving${inDependency(site)}: ${describeMeasured(site)}, ${milliseconds(site.totalMs)} ms in all.` },
          locations: [{ physicalLocation: { artifactLocation: { uri: site.file, uriBaseId: 'SRCROOT' }, region: { startLine: site.line, startColumn: Math.max(1, site.column) } } }],
          properties: { calls: site.calls, totalMs: site.totalMs, maxMs: site.maxMs, routes: site.routes },
        })),
      },
    ],
  };
}
