import { catalogMatrix } from './matrix.js';

catalogMatrix('database', 'no-sync-database');
