import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The repository's own eslint.config.js: eslint-plugin-eslint-plugin's recommended rules on the
 * rules, engine and tests, and this plugin's `recommended` (from dist) on all of its code.
 */
describe('self-lint', () => {
  it('the plugin, its scripts and its tests pass eslint-plugin-eslint-plugin and event-loop/recommended', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles(['.']);
    const problems = results.flatMap((result) =>
      result.messages.map((message) => `${path.relative(ROOT, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? ''} ${message.message}`),
    );
    expect(problems).toEqual([]);
    // The whole code base was linted, under both rule sets.
    expect(results.length).toBeGreaterThan(100);
    const config = (await eslint.calculateConfigForFile('rules/no-sync-fs.ts')) as { rules: Record<string, unknown> };
    expect(Object.keys(config.rules)).toEqual(expect.arrayContaining(['eslint-plugin/no-missing-message-ids', 'eslint-plugin/no-identical-tests', 'event-loop/no-sync-fs']));
  });
});
