import type { FrameworkSpec, ValueSpec } from './types.js';

// Multer runs its storage and filter callbacks for every uploaded file of a request.

const STORAGE: ValueSpec = { registers: { keys: ['destination', 'filename'] } };

/**
 * Multer: `multer({ storage: multer.diskStorage({ destination, filename }), fileFilter })`; the
 * callbacks run per upload, inside the request (`fs.mkdirSync(dir)` in `destination` blocks every upload).
 */
export const multer: FrameworkSpec = {
  framework: 'multer',
  name: 'Multer',
  label: 'Multer upload callback',
  modules: ['multer'],
  exports: {
    registers: { keys: ['fileFilter'] },
    members: { diskStorage: STORAGE },
  },
};
