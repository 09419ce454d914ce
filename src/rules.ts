import noSyncFs from '../rules/no-sync-fs.js';

/** Every rule of the plugin, by name (names match the files in `rules/`). */
export const rules = {
  'no-sync-fs': noSyncFs,
};
