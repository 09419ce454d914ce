// Svelte, Vue and Astro components, through the parsers their ESLint integrations use: the
// script's imports are resolved, and every suggestion's output parses under the same parser.
import { Linter } from 'eslint';
import * as astroParser from 'astro-eslint-parser';
import * as svelteParser from 'svelte-eslint-parser';
import * as vueParser from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const PARSERS = { svelte: svelteParser, vue: vueParser, astro: astroParser } as const;

function lint(kind: keyof typeof PARSERS, code: string) {
  const config = [{ files: [`**/*.${kind}`], languageOptions: { parser: PARSERS[kind] as never } }, { ...plugin.configs.recommended, files: [`**/*.${kind}`] }];
  const linter = new Linter();
  const messages = linter.verify(code, config, `Component.${kind}`);
  return messages.map((message) => {
    const outputs = (message.suggestions ?? []).map((suggestion) => code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]));
    for (const output of outputs) {
      // Each suggestion's output is a component its parser still reads.
      const again = linter.verify(output, config, `Component.${kind}`);
      expect(again.filter((problem) => problem.fatal), output).toEqual([]);
    }
    return { ruleId: message.ruleId, line: message.line, fatal: message.fatal ?? false, outputs };
  });
}

describe('component files', () => {
  it('Svelte: imports in <script> are resolved; an added import goes inside the script', () => {
    const code = `<script>
  import { readFileSync } from 'node:fs';
  export async function load() {
    return readFileSync('a.txt', 'utf8');
  }
</script>

<p>hi</p>
`;
    const [message, ...rest] = lint('svelte', code);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ ruleId: 'event-loop/no-sync-fs', line: 4, fatal: false });
    expect(message!.outputs).toEqual([
      `<script>
  import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
  export async function load() {
    return await readFile('a.txt', 'utf8');
  }
</script>

<p>hi</p>
`,
    ]);
  });

  it('Vue: <script setup> is read as the module', () => {
    const code = `<script setup>
import fs from 'node:fs';
async function load() {
  return fs.readFileSync('a.txt', 'utf8');
}
</script>

<template><p>hi</p></template>
`;
    expect(lint('vue', code).map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([{ ruleId: 'event-loop/no-sync-fs', line: 4 }]);
  });

  it('Astro: the frontmatter is read as the module', () => {
    // (Frontmatter top-level code is still treated as module top level, i.e. start-up code.)
    const code = `---
import fs from 'node:fs';
export async function load() {
  return fs.readFileSync('b.txt', 'utf8');
}
---
<p>{Astro.props.title}</p>
`;
    expect(lint('astro', code).map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([{ ruleId: 'event-loop/no-sync-fs', line: 4 }]);
  });
});
