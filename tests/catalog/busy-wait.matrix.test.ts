import { catalogMatrix } from './matrix.js';

catalogMatrix('busy-wait');
