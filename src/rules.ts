import noIndirectBlocking from '../rules/no-indirect-blocking.js';
import noSyncCrypto from '../rules/no-sync-crypto.js';
import noSyncDatabase from '../rules/no-sync-database.js';
import noBlockingHttp from '../rules/no-blocking-http.js';
import noBusyWait from '../rules/no-busy-wait.js';
import noSyncChildProcess from '../rules/no-sync-child-process.js';
import noSyncFs from '../rules/no-sync-fs.js';
import noSyncZlib from '../rules/no-sync-zlib.js';
import noSyncTransform from '../rules/no-sync-transform.js';

/** Every rule of the plugin, by name (names match the files in `rules/`). */
export const rules = {
  'no-sync-fs': noSyncFs,
  'no-sync-crypto': noSyncCrypto,
  'no-sync-zlib': noSyncZlib,
  'no-sync-database': noSyncDatabase,
  'no-sync-transform': noSyncTransform,
  'no-sync-child-process': noSyncChildProcess,
  'no-blocking-http': noBlockingHttp,
  'no-busy-wait': noBusyWait,
  'no-indirect-blocking': noIndirectBlocking,
};
