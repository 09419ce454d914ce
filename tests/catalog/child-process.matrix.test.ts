import { catalogMatrix } from './matrix.js';

catalogMatrix('child-process', 'no-sync-child-process');
