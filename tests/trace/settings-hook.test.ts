// settings['event-loop'].trace through ESLint's API, with a trace measured on the real server
// fixture: figures added to a confirmed finding's message, a call the trace saw while serving
// reported where static analysis alone does not, and an unusable trace file warned about once.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The built plugin, as users get it (npm test builds before testing).
import plugin from '../../dist/src/index.js';
import { cli, lineOf, removeScratch, serverProject } from './helpers.js';

let project: string;
beforeAll(() => {
  project = serverProject();
  const run = cli(['trace', '--json', 'trace.json', '--', process.execPath, 'drive.mjs'], project);
  expect(run.status).toBe(0);
});
afterAll(removeScratch);

async function lint(file: string, trace?: string) {
  const eslint = new ESLint({
    cwd: project,
    overrideConfigFile: true,
    overrideConfig: [plugin.configs.recommended, ...(trace === undefined ? [] : [{ settings: { 'event-loop': { trace } } }])],
  });
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.map((message) => ({ line: message.line, ruleId: message.ruleId, message: message.message }));
}

describe("settings['event-loop'].trace", () => {
  it("adds the measured figures to a confirmed finding's message", async () => {
    const line = lineOf(path.join(project, 'server.js'), "const raw = readFileSync(new URL('./config.json'");
    const without = (await lint('server.js')).find((message) => message.line === line)!;
    const withTrace = (await lint('server.js', 'trace.json')).find((message) => message.line === line)!;
    expect(without.message).toBe('`fs.readFileSync` blocks the event loop inside this Express route handler; use `fs.promises.readFile` instead.');
    expect(withTrace.message).toMatch(
      /^`fs\.readFileSync` blocks the event loop inside this Express route handler; use `fs\.promises\.readFile` instead\. Measured: ran 5 times during GET \/users\/:id, [\d.]+ ms each \(at most [\d.]+ ms\)\.$/,
    );
  });

  it('reports a call the trace saw running while serving, which static analysis alone does not report', async () => {
    const line = lineOf(path.join(project, 'lib/templates.js'), 'return readFileSync');
    expect(await lint('lib/templates.js')).toEqual([]);
    expect(await lint('lib/templates.js', 'trace.json')).toEqual([
      {
        line,
        ruleId: 'event-loop/no-sync-fs',
        message: expect.stringMatching(
          /^`fs\.readFileSync` blocks the event loop in code the trace saw running while serving \(GET \/page\); use `fs\.promises\.readFile` instead\. Measured: ran once during GET \/page, [\d.]+ ms\.$/,
        ),
      },
    ]);
  });

  it('leaves start-up calls alone: the trace saw them, but not while serving', async () => {
    const startup = lineOf(path.join(project, 'server.js'), "JSON.parse(readFileSync(new URL('./config.json'");
    expect((await lint('server.js', 'trace.json')).some((message) => message.line === startup)).toBe(false);
  });

  it('warns once, and lints as without it, when the trace file is malformed or missing', async () => {
    writeFileSync(path.join(project, 'broken.json'), '{ "sites": [ { "file": 3 } ] }');
    writeFileSync(path.join(project, 'not-json.json'), '{ sites: ');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const plain = await lint('server.js');
      for (const trace of ['broken.json', 'not-json.json', 'missing.json']) {
        expect(await lint('server.js', trace)).toEqual(plain);
        expect(await lint('lib/templates.js', trace)).toEqual([]);
      }
      const warnings = stderr.mock.calls.map(([text]) => String(text)).filter((text) => text.includes("settings['event-loop'].trace"));
      expect(warnings).toHaveLength(3);
      expect(warnings[0]).toContain('has a malformed entry sites[0]');
      expect(warnings[1]).toContain('is not JSON');
      expect(warnings[2]).toContain('cannot read the trace file');
      expect(warnings[2]).toContain('ENOENT');
      for (const warning of warnings) expect(warning).toContain('the rules run without it');
    } finally {
      stderr.mockRestore();
    }
  });

  it('rejects a trace setting that is not a path', async () => {
    await expect(lint('server.js', 42 as unknown as string)).rejects.toThrow(/settings\['event-loop'\]\.trace must be the path of a trace file/);
  });
});
