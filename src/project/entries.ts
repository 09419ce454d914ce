/** package.json scripts that run the service itself (`npm start`), not tooling. */
const SERVICE_SCRIPT = /^(?:start|serve|server|prod|production)(?::[\w-]+)?$/;
/** Runners whose first path argument is the program they run. */
const RUNNERS = new Set(['node', 'nodemon', 'ts-node', 'ts-node-dev', 'tsx', 'bun', 'pm2', 'forever', 'node-dev', 'esno', 'babel-node']);
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|jsx|tsx)$/;

/**
 * The files a package runs as its service, as written in its package.json: `main`, and the program
 * of each service script (`"start": "node ./bin/www"`, `"start:prod": "node dist/main"`), relative to
 * the package folder and not yet resolved, from the package's parsed manifest. A file run this way serves, whoever else imports it.
 */
export function serviceEntries(manifest: { main?: unknown; scripts?: unknown } | null): string[] {
  if (!manifest) return [];
  const entries: string[] = [];
  if (typeof manifest.main === 'string') entries.push(manifest.main);
  return [...entries, ...scriptPrograms(manifest, (name) => SERVICE_SCRIPT.test(name))];
}

/** Scripts that run tooling (`"deploy": "node deploy.js"`, `"build": "node scripts/build.mjs"`), not the service or a dev server. */
const TOOLING_SCRIPT = /^(?:build|deploy|release|publish|minify|compile|bundle|prepare|prepublish(?:Only)?|postinstall|preinstall|install|setup|seed|migrate|lint|format|generate|gen|clean|bench|benchmark)(?::[\w-]+)?$/;

/** The programs package.json's tooling scripts run with node (their files are command-line tools). */
export function toolingEntries(manifest: { scripts?: unknown } | null): string[] {
  return manifest ? scriptPrograms(manifest, (name) => TOOLING_SCRIPT.test(name)) : [];
}

function scriptPrograms(manifest: { scripts?: unknown }, wanted: (name: string) => boolean): string[] {
  const entries: string[] = [];
  const scripts = manifest.scripts && typeof manifest.scripts === 'object' ? (manifest.scripts as Record<string, unknown>) : {};
  for (const [name, command] of Object.entries(scripts)) {
    if (!wanted(name) || typeof command !== 'string') continue;
    for (const part of command.split(/&&|\|\||[;|]/)) {
      const program = programOf(part.trim().split(/\s+/));
      if (program) entries.push(program);
    }
  }
  return entries;
}

/** `node --inspect dist/main.js` → `dist/main.js`; `cross-env X=1 node app` → `app`. */
function programOf(words: readonly string[]): string | null {
  let runner = false;
  for (const word of words) {
    if (!runner) {
      runner = RUNNERS.has(word);
      continue;
    }
    if (word.startsWith('-') || word === 'start') continue;
    return SCRIPT_FILE.test(word) || word.includes('/') || !word.includes('.') ? word : null;
  }
  return null;
}
