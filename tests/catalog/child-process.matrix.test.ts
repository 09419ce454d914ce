import { catalogMatrix } from './matrix.js';

catalogMatrix('child-process');
