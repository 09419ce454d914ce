// Build step: dist/settings.schema.json from src/settings-schema.ts (compiled), for editors and
// config validators (`"$schema"` or `import schema from 'eslint-plugin-event-loop/settings.schema.json'`).
import { writeFileSync } from 'node:fs';
import { SETTINGS_SCHEMA } from '../dist/src/settings-schema.js';

writeFileSync(new URL('../dist/settings.schema.json', import.meta.url), `${JSON.stringify(SETTINGS_SCHEMA, null, 2)}\n`);
