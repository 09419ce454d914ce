import { catalogMatrix } from './matrix.js';

catalogMatrix('transform', 'no-sync-transform');
