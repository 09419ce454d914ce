import { catalogMatrix } from './matrix.js';

catalogMatrix('fs', 'no-sync-fs');
