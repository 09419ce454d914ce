import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/catalog/index.js';
import { callThrough, IMPORT_STYLES, lintWith } from './matrix.js';

const BUILTINS = new Set(['fs']);
const entries = CATALOG.entries.filter((entry) => entry.family === 'fs');

describe('fs catalog matrix: every entry through every import style', () => {
  it('covers the whole family', () => {
    expect(entries.length).toBeGreaterThan(150);
  });

  for (const entry of entries) {
    it(entry.api, () => {
      let styles = 0;
      for (const style of IMPORT_STYLES) {
        if (style.builtinOnly && !BUILTINS.has(entry.module)) continue;
        const source = callThrough(entry, style, "'x'");
        if (!source) continue;
        styles++;
        const inAsync = `${source.prelude}\nexport async function handler() {\n${source.setup}\n  return ${source.call};\n}\n`;
        const reports = lintWith('no-sync-fs', inAsync);
        expect(reports.map((report) => report.message), `${style.name}:\n${inAsync}`).toHaveLength(1);
        expect(reports[0]!.message).toContain(`\`${entry.api}\``);

        if (!source.setup) {
          const atTopLevel = `${source.prelude}\nexport const value = ${source.call};\n`;
          expect(lintWith('no-sync-fs', atTopLevel), `${style.name} at top level:\n${atTopLevel}`).toEqual([]);
          const inSyncFunction = `${source.prelude}\nexport function load() {\n  return ${source.call};\n}\n`;
          expect(lintWith('no-sync-fs', inSyncFunction), `${style.name} in a sync function`).toEqual([]);
        }
      }
      expect(styles).toBeGreaterThanOrEqual(BUILTINS.has(entry.module) ? 14 : 12);
    });
  }
});
