import { catalogMatrix } from './matrix.js';

catalogMatrix('http');
