// The trace command on a real Express server started by a wrapper script and driven over HTTP:
// routes' blocking calls with counts and times, start-up calls apart, records merged across the
// processes, the wrapper's exit code passed on, JSON and SARIF written, --compare's three lists.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceFile } from '../../src/trace/records.js';
import { cli, lineOf, readTrace, removeScratch, serverProject, sitesAt } from './helpers.js';

let project: string;
let run: ReturnType<typeof cli>;
let trace: TraceFile;
const line = (text: string, file = 'server.js') => lineOf(path.join(project, file), text);

beforeAll(() => {
  project = serverProject();
  run = cli(['trace', '--json', 'out/trace.json', '--sarif', 'out/trace.sarif', '--', process.execPath, 'drive.mjs'], project, { DRIVE_EXIT_CODE: '3' });
  trace = readTrace(path.join(project, 'out/trace.json'));
});
afterAll(removeScratch);

describe('event-loop-lint trace on a server', () => {
  it("passes the command's exit code on and leaves its stdout alone", () => {
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('server ended by SIGTERM\n');
    expect(trace.exitCode).toBe(3);
  });

  it('merges the records of the wrapper and of the server it spawned (ended by SIGTERM)', () => {
    expect(trace.processes).toBe(2);
    expect(trace.command).toEqual([process.execPath, 'drive.mjs']);
    expect(trace.root).toBe(project);
  });

  it("lists the blocking route's calls with counts, times and the Express route pattern", () => {
    const [read] = sitesAt(trace, 'server.js', line("const raw = readFileSync(new URL('./config.json'"), 'fs.readFileSync');
    const [gzip] = sitesAt(trace, 'server.js', line('gzipSync(raw)'), 'zlib.gzipSync');
    for (const site of [read!, gzip!]) {
      expect(site).toMatchObject({ calls: 5, serving: true, routes: [{ route: 'GET /users/:id', calls: 5 }] });
      expect(site.totalMs).toBeGreaterThan(0);
      expect(site.maxMs).toBeGreaterThan(0);
      expect(site.maxMs).toBeLessThanOrEqual(site.totalMs);
    }
    expect(gzip!.family).toBe('zlib');
  });

  it('does not count start-up reads (before listen, and in the listen callback) as serving', () => {
    for (const text of ["JSON.parse(readFileSync(new URL('./config.json'", 'existsSync(new URL', "readFileSync(new URL('./package.json'"]) {
      const sites = sitesAt(trace, 'server.js', line(text));
      expect(sites, text).toHaveLength(1);
      expect(sites[0]).toMatchObject({ serving: false, calls: 1, routes: [] });
    }
  });

  it('records nothing for the fixed route (async fs) and the route never requested', () => {
    expect(trace.sites.some((site) => site.routes.some((route) => route.route === 'GET /fixed'))).toBe(false);
    expect(trace.sites.some((site) => site.api.startsWith('child_process'))).toBe(false);
  });

  it('names the dependency a blocking call was made in, and the project line that entered it', () => {
    const [vendor] = sitesAt(trace, 'server.js', line('slowLib.load('));
    expect(vendor).toMatchObject({ api: 'fs.readFileSync', calls: 2, serving: true, package: 'slow-lib', via: { file: 'node_modules/slow-lib/index.js', line: 5 } });
    // The URL path without its query string.
    expect(vendor!.routes).toEqual([{ route: 'GET /vendor', calls: 2 }]);
  });

  it('prints a table on stderr sorted by total blocked time', () => {
    expect(run.stderr).toContain('event-loop-lint trace: 4 blocking call sites ran while serving (2 Node.js processes traced).');
    const rows = run.stderr.split('\n').filter((row) => /^\s*[\d.]+\s+\d+\s/.test(row));
    const servingRows = rows.slice(0, 4);
    const totals = servingRows.map((row) => Number(row.trim().split(/\s+/)[0]));
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    expect(run.stderr).toMatch(/fs\.readFileSync\s+server\.js:\d+\s+GET \/users\/:id \(5\)/);
    expect(run.stderr).toContain('At start-up, not serving: 3 call sites');
  });

  it('writes SARIF 2.1.0 with one result per call site that blocked while serving', () => {
    const sarif = JSON.parse(readFileSync(path.join(project, 'out/trace.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const [runEntry] = sarif.runs;
    expect(runEntry.tool.driver.name).toBe('event-loop-lint trace');
    expect(runEntry.results).toHaveLength(4);
    const rules = runEntry.tool.driver.rules.map((rule: { id: string }) => rule.id);
    for (const result of runEntry.results) {
      expect(rules[result.ruleIndex]).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('SRCROOT');
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    const gzip = runEntry.results.find((result: { ruleId: string }) => result.ruleId === 'event-loop/trace/no-sync-zlib');
    expect(gzip.message.text).toMatch(/^`zlib\.gzipSync` blocked the event loop while serving: ran 5 times during GET \/users\/:id/);
    expect(runEntry.originalUriBaseIds.SRCROOT.uri).toBe(`file://${project}/`);
  });
});

describe('event-loop-lint trace --compare', () => {
  it('puts each call in the right list: confirmed, static only, dynamic only', () => {
    const compare = cli(['trace', '--compare', 'out/trace.json', 'server.js', 'lib'], project);
    expect(compare.status).toBe(0);
    const [confirmed, staticOnly, dynamicOnly] = compare.stdout.split(/\n(?=Static only|Dynamic only)/);
    expect(confirmed).toContain('Confirmed: reported by the linter and measured while serving (2)');
    expect(confirmed).toContain(`server.js:${line("const raw = readFileSync(new URL('./config.json'")}  fs.readFileSync  ran 5 times during GET /users/:id`);
    expect(confirmed).toContain(`server.js:${line('gzipSync(raw)')}  zlib.gzipSync  ran 5 times during GET /users/:id`);
    expect(staticOnly).toContain('Static only: reported, but never ran while serving in this trace (1)');
    expect(staticOnly).toContain(`server.js:${line("execSync('echo never')")}  child_process.execSync  (event-loop/no-sync-child-process)`);
    expect(dynamicOnly).toContain('Dynamic only: blocked while serving, not reported by the linter (2)');
    expect(dynamicOnly).toContain(`server.js:${line('slowLib.load(')}  fs.readFileSync  ran 2 times during GET /vendor`);
    expect(dynamicOnly).toContain('inside slow-lib');
    expect(dynamicOnly).toContain(`lib/templates.js:${line('return readFileSync', 'lib/templates.js')}  fs.readFileSync  ran once during GET /page`);
  });

  it('says clearly when the trace file cannot be read', () => {
    const compare = cli(['trace', '--compare', 'missing.json'], project);
    expect(compare.status).toBe(2);
    expect(compare.stderr).toContain('cannot read the trace file');
    expect(compare.stderr).toContain('ENOENT');
  });
});
