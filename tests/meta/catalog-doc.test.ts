import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JS script that renders the doc from the built catalog (npm test builds first).
import { renderCatalog } from '../../scripts/catalog-doc.js';
import { CATALOG } from '../../src/catalog/index.js';

describe('docs/catalog.md', () => {
  const doc = readFileSync(new URL('../../docs/catalog.md', import.meta.url), 'utf8');

  it('is up to date with src/catalog (run `npm run generate`)', () => {
    expect(doc).toBe((renderCatalog as () => string)());
  });

  it('lists every catalog entry', () => {
    for (const entry of CATALOG.entries) expect(doc).toContain(`\`${entry.api}\``);
  });
});
