import { catalogMatrix } from './matrix.js';

catalogMatrix('zlib', 'no-sync-zlib');
