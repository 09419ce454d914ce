// The module `event-loop-lint trace` preloads into every Node.js process of the traced command
// (`NODE_OPTIONS=--import …/preload.js`). Importing it is what installs the tracer; nothing else
// in the package imports it, and without the trace command's environment it does nothing.
import { installTracer, optionsFromEnvironment } from './install.js';

const options = optionsFromEnvironment(process.env);
if (options) {
  try {
    installTracer(options);
  } catch (error) {
    // The traced program must run whatever happens to the tracer: it is then just not measured.
    process.stderr.write(`event-loop-lint trace: not tracing process ${process.pid}: ${(error as Error).message}\n`);
  }
}
