import { catalogMatrix } from './matrix.js';

catalogMatrix('crypto', 'no-sync-crypto');
