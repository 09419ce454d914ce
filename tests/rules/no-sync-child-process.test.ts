import noSyncChildProcess from '../../rules/no-sync-child-process.js';
import { createRuleTester } from '../rule-tester.js';

createRuleTester().run('no-sync-child-process', noSyncChildProcess, {
  valid: [
    {
      name: 'top level is start-up code',
      code: `import { execSync } from 'node:child_process';
const sha = execSync('git rev-parse HEAD', { encoding: 'utf8' });`,
    },
    {
      name: 'plain sync function',
      code: `import { execSync } from 'child_process';
function version() {
  return execSync('node -v').toString();
}`,
    },
    {
      name: 'exec with a callback is async',
      code: `import { exec } from 'child_process';
async function f() {
  exec('ls', (error, stdout) => console.log(stdout));
}`,
    },
    {
      name: 'promisified exec',
      code: `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(exec);
async function f() {
  const { stdout } = await run('ls');
  return stdout;
}`,
    },
    {
      name: 'execa async',
      code: `import { execa, $ } from 'execa';
async function f() {
  await execa('ls');
  await $\`echo hi\`;
}`,
    },
    {
      name: 'local execSync shadows the import',
      code: `import { execSync } from 'child_process';
async function f(execSync: (c: string) => string) {
  return execSync('ls');
}`,
    },
    {
      name: 'user function named execSync',
      code: `function execSync(command: string) {
  return Promise.resolve(command);
}
async function f() {
  return execSync('ls');
}`,
    },
    {
      name: 'shelljs exec with async option',
      code: `import shell from 'shelljs';
async function f() {
  shell.exec('npm test', { async: true });
}`,
    },
    {
      name: 'shelljs exec with a callback',
      code: `const shell = require('shelljs');
async function f() {
  shell.exec('npm test', { silent: true }, (code) => console.log(code));
}`,
    },
    {
      name: 'shelljs commands that only print or change state',
      code: `import shell from 'shelljs';
async function f() {
  shell.echo('hello');
  shell.cd('/tmp');
  shell.pwd();
}`,
    },
    {
      name: 'cross-spawn async spawn',
      code: `import spawn from 'cross-spawn';
async function f() {
  const child = spawn('npm', ['test'], { stdio: 'inherit' });
  return child.pid;
}`,
    },
    {
      name: 'curl through execSync belongs to no-blocking-http',
      code: `import { execSync } from 'child_process';
async function f() {
  return execSync('curl -s https://example.com').toString();
}`,
    },
    {
      name: 'sleep through execSync belongs to no-busy-wait',
      code: `import { execSync } from 'child_process';
async function f() {
  execSync('sleep 1');
}`,
    },
    {
      name: 'allow by export name',
      code: `import { execFileSync } from 'child_process';
async function f() {
  execFileSync('git', ['fetch']);
}`,
      options: [{allow: ['execFileSync']}],
    },
    {
      name: 'a spawn method of some other object',
      code: `async function f(pool: { spawnSync(cmd: string): void }) {
  pool.spawnSync('x');
}`,
    },
  ],
  invalid: [
    {
      name: 'execSync result unused',
      code: `import { execSync } from 'node:child_process';
export async function build() {
  execSync('npm run build', { cwd: 'app' });
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { execSync, exec } from 'node:child_process';
import { promisify } from 'node:util';
export async function build() {
  await promisify(exec)('npm run build', { cwd: 'app' });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execSync with stdio inherit has no rewrite',
      code: `import { execSync } from 'node:child_process';
export async function build() {
  execSync('npm run build', { stdio: 'inherit' });
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 11,
          suggestions: [],
        },
      ],
    },
    {
      name: 'execSync with toString',
      code: `import cp from 'child_process';
async function head() {
  const sha = cp.execSync('git rev-parse HEAD').toString().trim();
  return sha;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import cp from 'child_process';
import { promisify } from 'node:util';
async function head() {
  const sha = (await promisify(cp.exec)('git rev-parse HEAD')).stdout.trim();
  return sha;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execSync with an encoding option',
      code: `import { execSync } from 'child_process';
async function head() {
  return execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { execSync, exec } from 'child_process';
import { promisify } from 'node:util';
async function head() {
  return (await promisify(exec)('git rev-parse HEAD', { encoding: 'utf8' })).stdout.trim();
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execSync Buffer result asks exec for a buffer',
      code: `import { execSync } from 'child_process';
async function tarball() {
  const data = execSync('tar -cz .');
  return data;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { execSync, exec } from 'child_process';
import { promisify } from 'node:util';
async function tarball() {
  const data = (await promisify(exec)('tar -cz .', { encoding: 'buffer' })).stdout;
  return data;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execSync Buffer result with an options object',
      code: `import { execSync } from 'child_process';
async function tarball(cwd: string) {
  return execSync('tar -cz .', { cwd });
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { execSync, exec } from 'child_process';
import { promisify } from 'node:util';
async function tarball(cwd: string) {
  return (await promisify(exec)('tar -cz .', { cwd, encoding: 'buffer' })).stdout;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execSync with options in a variable and a used result',
      code: `import { execSync } from 'child_process';
async function run(options: object) {
  return execSync('ls', options);
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'execSync with input has no rewrite',
      code: `import { execSync } from 'child_process';
async function run(text: string) {
  return execSync('wc -l', { input: text, encoding: 'utf8' });
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      name: 'execFileSync with arguments and encoding',
      code: `const { execFileSync } = require('child_process');
async function status() {
  return execFileSync('git', ['status', '--short'], { encoding: 'utf8' });
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const { execFileSync, execFile } = require('child_process');
const { promisify } = require('node:util');
async function status() {
  return (await promisify(execFile)('git', ['status', '--short'], { encoding: 'utf8' })).stdout;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execFileSync reuses an existing promisify import',
      code: `import { promisify } from 'node:util';
import { execFileSync, execFile } from 'node:child_process';
async function branches() {
  return execFileSync('git', ['branch']).toString('utf8');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { promisify } from 'node:util';
import { execFileSync, execFile } from 'node:child_process';
async function branches() {
  return (await promisify(execFile)('git', ['branch'])).stdout;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'spawnSync has no rewrite',
      code: `import { spawnSync } from 'child_process';
async function test() {
  const result = spawnSync('npm', ['test'], { stdio: 'inherit' });
  return result.status;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      name: 'require inline in CommonJS',
      code: `module.exports = async function deploy() {
  require('child_process').execSync('make deploy');
};`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const { promisify } = require('node:util');
module.exports = async function deploy() {
  await promisify(require('child_process').exec)('make deploy');
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'execaSync becomes await execa',
      code: `import { execaSync } from 'execa';
async function f() {
  const { stdout } = execaSync('git', ['status']);
  return stdout;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { execaSync, execa } from 'execa';
async function f() {
  const { stdout } = await execa('git', ['status']);
  return stdout;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execaCommandSync',
      code: `import { execaCommandSync } from 'execa';
async function f() {
  return execaCommandSync('npm run lint').exitCode;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { execaCommandSync, execaCommand } from 'execa';
async function f() {
  return (await execaCommand('npm run lint')).exitCode;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execa $.sync tagged template',
      code: `import { $ } from 'execa';
async function f() {
  const { stdout } = $.sync\`git status\`;
  return stdout;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { $ } from 'execa';
async function f() {
  const { stdout } = await $\`git status\`;
  return stdout;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'execa 5 execa.sync',
      code: `const execa = require('execa');
async function f() {
  return execa.sync('ls').stdout;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const execa = require('execa');
async function f() {
  return (await execa('ls')).stdout;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'cross-spawn sync',
      code: `import spawn from 'cross-spawn';
async function f() {
  spawn.sync('npm', ['install'], { stdio: 'inherit' });
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 13,
          suggestions: [],
        },
      ],
    },
    {
      name: 'shelljs exec without async',
      code: `import shell from 'shelljs';
async function f() {
  const { code } = shell.exec('npm test', { silent: true });
  return code;
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      name: 'shelljs file commands and redirect',
      code: `const shell = require('shelljs');
async function f() {
  shell.mkdir('-p', 'out');
  shell.cp('-R', 'src/*', 'out');
  shell.echo('done').to('out/log.txt');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 14,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 11,
          suggestions: [],
        },
        {
          messageId: 'blocking',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },
    {
      name: 'map callback becomes Promise.all',
      code: `import { execSync } from 'child_process';
async function f(dirs: string[]) {
  dirs.forEach((dir) => {
    execSync(\`rm -rf \${dir}\`);
  });
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'suggestPromiseAll',
              output: `import { execSync, exec } from 'child_process';
import { promisify } from 'node:util';
async function f(dirs: string[]) {
  await Promise.all(dirs.map(async (dir) => {
    await promisify(exec)(\`rm -rf \${dir}\`);
  }));
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'avoids a promisify name clash',
      code: `import { execSync } from 'child_process';
const promisify = (x: unknown) => x;
async function f() {
  execSync('make');
}`,
      errors: [
        {
          messageId: 'blocking',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `import { execSync, exec } from 'child_process';
import { promisify as promisifyAsync } from 'node:util';
const promisify = (x: unknown) => x;
async function f() {
  await promisifyAsync(exec)('make');
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS require added for promisify',
      code: `const cp = require('child_process');
async function f() {
  cp.execSync('make');
}`,
      filename: 'file.cjs',
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'suggestAwait',
              output: `const cp = require('child_process');
const { promisify } = require('node:util');
async function f() {
  await promisify(cp.exec)('make');
}`,
            },
          ],
        },
      ],
    },

  ],
});
