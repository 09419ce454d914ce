import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { rules } from '../../src/rules.js';

const linter = new Linter();
const lintWithOptions = (rule: string, options: unknown[]) =>
  linter.verify('export {};', [{ files: ['**/*.js'], plugins: { 'event-loop': plugin as never }, rules: { [`event-loop/${rule}`]: ['error', ...options] as Linter.RuleEntry } }], 'file.js');

describe.each(Object.keys(rules))('options of %s', (rule) => {
  it('accepts the documented options', () => {
    expect(lintWithOptions(rule, [{ allow: ['existsSync', 'fs.statSync', { module: 'node:fs', export: 'readFileSync' }] }])).toEqual([]);
    expect(lintWithOptions(rule, [])).toEqual([]);
  });

  it('rejects an unknown property with a schema error naming it', () => {
    expect(() => lintWithOptions(rule, [{ alow: ['existsSync'] }])).toThrow(/should NOT have additional properties[\s\S]*alow|alow[\s\S]*additional/i);
  });

  it('rejects a malformed allow entry', () => {
    expect(() => lintWithOptions(rule, [{ allow: [{ module: 'fs' }] }])).toThrow(/should have required property 'export'/);
    expect(() => lintWithOptions(rule, [{ allow: [42] }])).toThrow(/Value 42 should be string/);
    expect(() => lintWithOptions(rule, [{ allow: 'existsSync' }])).toThrow(/"existsSync" should be array/);
    expect(() => lintWithOptions(rule, [{ allow: [''] }])).toThrow(/Value "" should NOT be shorter than 1 characters/);
  });
});
