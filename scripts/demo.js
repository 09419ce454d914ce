// `npm run demo`: runs the built event-loop-lint on the bundled example server. The linter exits 1
// because the example has findings; the demo succeeds when it does exactly that.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
const args = process.argv.slice(2);
console.log(`$ event-loop-lint docs/examples ${args.join(' ')}`.trimEnd());
const run = spawnSync(process.execPath, [cli, 'docs/examples', ...args], { cwd: root, stdio: 'inherit' });
if (run.status === 1) {
  console.log('\nevent-loop-lint exited 1 (it found blocking calls, as expected on this example).');
  process.exit(0);
}
console.error(`\nevent-loop-lint exited ${run.status ?? run.signal}; expected 1 (findings on the example).`);
process.exit(1);
