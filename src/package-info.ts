import { createRequire } from 'node:module';

/** package.json sits two levels up from dist/src/, one level up from src/. */
function readPackageJson(): { name: string; version: string } {
  const require = createRequire(import.meta.url);
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      const json = require(candidate) as { name?: string; version?: string };
      if (json.name === 'eslint-plugin-event-loop' && json.version) return { name: json.name, version: json.version };
    } catch {
      // Not at this level: try the next one.
    }
  }
  return { name: 'eslint-plugin-event-loop', version: '0.0.0' };
}

export const PACKAGE = readPackageJson();

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-event-loop/eslint-plugin-event-loop';

/**
 * Docs links name the released version's tag (`v0.1.0`), so a link from an installed package
 * shows the docs of that version, not whatever `main` says today.
 */
export const DOCS_REF = `v${PACKAGE.version}`;

export function docsUrl(file: string): string {
  return `${REPOSITORY_URL}/blob/${DOCS_REF}/${file}`;
}
