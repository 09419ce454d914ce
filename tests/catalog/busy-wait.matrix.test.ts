import { catalogMatrix } from './matrix.js';

catalogMatrix('busy-wait', 'no-busy-wait');
