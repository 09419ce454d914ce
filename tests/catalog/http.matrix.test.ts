import { catalogMatrix } from './matrix.js';

catalogMatrix('http', 'no-blocking-http');
