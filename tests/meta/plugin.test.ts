import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { rules } from '../../src/rules.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ruleFiles = readdirSync(path.join(ROOT, 'rules')).filter((file) => file.endsWith('.ts')).map((file) => file.slice(0, -3)).sort();
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** The parts of a JSON schema these checks read. */
interface JSONSchema4 {
  type?: unknown;
  description?: string;
  additionalProperties?: unknown;
  properties?: Record<string, JSONSchema4>;
  items?: JSONSchema4 | JSONSchema4[];
  anyOf?: JSONSchema4[];
  oneOf?: JSONSchema4[];
}

/** Every `properties` object in a schema, with the path to it. */
function* schemaProperties(schema: JSONSchema4 | JSONSchema4[], at = 'schema'): Generator<[string, JSONSchema4]> {
  for (const [index, node] of (Array.isArray(schema) ? schema : [schema]).entries()) {
    const here = Array.isArray(schema) ? `${at}[${index}]` : at;
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      yield [`${here}.${key}`, value];
      yield* schemaProperties(value, `${here}.${key}`);
    }
    if (node.items && !Array.isArray(node.items)) yield* schemaProperties(node.items, `${here}[]`);
    for (const option of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) yield* schemaProperties(option, here);
  }
}

describe('plugin meta', () => {
  it('identifies itself', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'event-loop' });
  });

  it('has exactly the rules in rules/', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleFiles);
  });

  it('configs register the plugin itself and name only existing rules', () => {
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`event-loop/${name}`);
      expect(config.plugins?.['event-loop']).toBe(plugin);
      for (const ruleId of Object.keys(config.rules ?? {})) {
        expect(ruleId.startsWith('event-loop/'), ruleId).toBe(true);
        expect(plugin.rules).toHaveProperty(ruleId.slice('event-loop/'.length));
      }
    }
  });

  it('all enables every rule; recommended enables the recommended ones', () => {
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual(ruleFiles.map((name) => `event-loop/${name}`));
    const recommended = ruleFiles.filter((name) => rules[name as keyof typeof rules].meta.docs?.recommended);
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(recommended.map((name) => `event-loop/${name}`));
  });
});

describe.each(ruleFiles)('rule %s', (name) => {
  const rule = rules[name as keyof typeof rules];
  const docPath = path.join(ROOT, 'docs/rules', `${name}.md`);

  it('is listed in the README with its description', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // The table eslint-doc-generator writes (padded columns); tests/meta/doc-generator.test.ts checks it is current.
    const row = readme.split('\n').find((line) => line.startsWith(`| [${name}](docs/rules/${name}.md) `));
    expect(row?.split('|').map((cell) => cell.trim())[2]).toBe(rule.meta.docs!.description);
  });

  it('has a doc whose url matches its name', () => {
    expect(existsSync(docPath)).toBe(true);
    expect(rule.meta.docs?.url).toBe(`https://github.com/eslint-plugin-event-loop/eslint-plugin-event-loop/blob/v${packageJson.version}/docs/rules/${name}.md`);
  });

  it('doc names the rule, its description and the required sections', () => {
    const doc = readFileSync(docPath, 'utf8');
    expect(doc.startsWith(`# ${name}`)).toBe(true);
    expect(doc).toContain(rule.meta.docs!.description);
    for (const section of ['## Rule details', '## Examples', '## Options', '## When not to use it']) expect(doc).toContain(section);
  });

  it('is a problem rule with suggestions and no autofix', () => {
    expect(rule.meta.type).toBe('problem');
    expect(rule.meta.hasSuggestions).toBe(true);
    expect(rule.meta.fixable).toBeUndefined();
    expect(rule.meta.docs?.description).toMatch(/^(Disallow|Require|Enforce|Report) /);
  });

  it('schema: every option has a description, objects forbid unknown keys, defaults are given', () => {
    const schema = rule.meta.schema as unknown as JSONSchema4[];
    expect(Array.isArray(schema)).toBe(true);
    for (const [at, property] of schemaProperties(schema)) expect(property.description, at).toEqual(expect.any(String));
    for (const node of schema) if (node.type === 'object') expect(node.additionalProperties).toBe(false);
    expect(rule.meta.defaultOptions).toBeDefined();
  });

  it('doc mentions every option', () => {
    const doc = readFileSync(docPath, 'utf8');
    for (const [at] of schemaProperties(rule.meta.schema as unknown as JSONSchema4[])) {
      const key = at.split('.').at(-1)!.replace(/\[\]$/, '');
      expect(doc, at).toContain(`\`${key}\``);
    }
  });

  it('requiresTypeChecking matches whether the rule insists on type information', () => {
    const source = readFileSync(path.join(ROOT, 'rules', `${name}.ts`), 'utf8');
    expect(rule.meta.docs?.requiresTypeChecking).toBe(/getParserServices\(context\)/.test(source));
  });
});
