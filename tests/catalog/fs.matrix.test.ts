import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/catalog/index.js';
import { lint, matrixCases } from './matrix.js';

const RULE = 'no-sync-fs';
const cases = matrixCases('fs');

describe(`${RULE} catalog matrix`, () => {
  it('covers every entry of the family', () => {
    const entries = CATALOG.entries.filter((entry) => entry.family === 'fs');
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.entry))).toEqual(new Set(entries));
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const messages = lint(RULE, c.code);
    expect(messages.map((m) => m.ruleId)).toEqual(Array.from({ length: c.expected }, () => `event-loop/${RULE}`));
    if (c.expected) expect(messages[0]!.message).toContain(`\`${c.entry.api}\``);
  });
});
