// The module `event-loop-lint trace` preloads into every Node.js process of the traced command
// (`NODE_OPTIONS=--import …/preload.js`). Importing it is what installs the tracer; nothing else
// in the package imports it, and without the trace command's environment it does nothing.
import { installTracer, optionsFromEnvironment } from './install.js';

const options = optionsFromEnvironment(process.env);
if (options) installTracer(options);
