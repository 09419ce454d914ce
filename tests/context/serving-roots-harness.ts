import { Linter } from 'eslint';
import { parse } from '@typescript-eslint/parser';
import * as tsParser from '@typescript-eslint/parser';
import { expect } from 'vitest';
import plugin from '../../src/index.js';

/**
 * A serving-root case: every line that ends with `// ← <words>` must get exactly the reports whose
 * messages contain those words (`// ← socket.io event handler`), and no other line may be reported.
 * Every suggestion's output must parse.
 */
export interface RootCase {
  readonly name: string;
  readonly code: string;
  readonly filename?: string;
  readonly settings?: Record<string, unknown>;
}

const MARKER = /\/\/ ← (.+)$/;

export function lintCase(code: string, filename = 'src/server.ts', settings: Record<string, unknown> = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: '/work/project' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,ts,mjs,cjs,jsx,tsx}'],
      plugins: { 'event-loop': plugin as never },
      rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [`event-loop/${name}`, 'error'])),
      languageOptions: { parser: tsParser as never, ecmaVersion: 'latest', sourceType: 'module' },
      settings,
    },
  ];
  return linter.verify(code, config, { filename: `/work/project/${filename}` });
}

export function checkCase({ code, filename, settings }: RootCase): void {
  const messages = lintCase(code, filename, settings);
  const fatal = messages.filter((message) => message.fatal || !message.ruleId);
  expect(fatal, 'the code parses and no rule throws').toEqual([]);
  const lines = code.split('\n');
  const expected = new Map<number, string>();
  lines.forEach((text, index) => {
    const marker = MARKER.exec(text);
    if (marker) expected.set(index + 1, marker[1]!.trim());
  });
  const reported = new Map<number, string[]>();
  for (const message of messages) {
    const list = reported.get(message.line) ?? [];
    list.push(message.message);
    reported.set(message.line, list);
    for (const suggestion of message.suggestions ?? []) {
      const output = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
      expect(() => parse(output, { ecmaVersion: 'latest', sourceType: 'module', range: true, ecmaFeatures: { jsx: /\.[jt]sx$/.test(filename ?? '') } }), `suggestion "${suggestion.desc}" parses`).not.toThrow();
    }
  }
  const unexpected = [...reported].filter(([line]) => !expected.has(line)).map(([line, texts]) => `${line}: ${texts.join(' | ')}`);
  expect(unexpected, 'no report on unmarked lines').toEqual([]);
  for (const [line, words] of expected) {
    const texts = reported.get(line) ?? [];
    expect(texts.length, `line ${line} is reported (${words})`).toBeGreaterThan(0);
    for (const text of texts) expect(text, `line ${line}`).toContain(words);
  }
}
