// Messages the plugin prints once per process, on stderr: configuration that silently does less
// than the user asked for (type-aware mode with no program) must not go unnoticed.

const printed = new Set<string>();

/** Prints `message` once per process under `key`; returns whether it printed. */
export function warnOnce(key: string, message: string): boolean {
  if (printed.has(key)) return false;
  printed.add(key);
  process.stderr.write(`eslint-plugin-event-loop: ${message}\n`);
  return true;
}

/** For tests: forget what was printed. */
export function resetWarnings(): void {
  printed.clear();
}

const TS_EXTENSION = /\.[cm]?tsx?$/;

let filesWithProgram = 0;
let filesWithoutProgram = 0;
let exitHookInstalled = false;

/**
 * Type-aware mode (`recommendedTypeChecked`, `typeAware: 'auto'`) asked for on a file the parser
 * gave no program. A TypeScript file without one means the parser is not set up for types: say so
 * right away. A JavaScript file may simply be outside the tsconfig; only when no file of the whole
 * run had a program does the run end with the warning.
 */
export function noteTypedFile(filename: string, hasProgram: boolean): void {
  if (hasProgram) {
    filesWithProgram++;
    return;
  }
  filesWithoutProgram++;
  if (TS_EXTENSION.test(filename) && !/\.d\.[cm]?ts$/.test(filename)) {
    warnOnce('no-program', noProgramMessage(filename));
    return;
  }
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      if (filesWithProgram === 0 && filesWithoutProgram > 0) warnOnce('no-program', noProgramMessage(null));
    });
  }
}

function noProgramMessage(filename: string | null): string {
  const where = filename ? `the parser gave no TypeScript program for ${filename}` : 'the parser gave no TypeScript program for any linted file';
  return (
    `typeAware is 'auto' (configs.recommendedTypeChecked), but ${where}, so the rules ran without types ` +
    "(no cross-file no-indirect-blocking, no typed receivers): what configs.recommended does. Use typescript-eslint's parser with " +
    '`languageOptions.parserOptions.projectService: true`, or use configs.recommended.'
  );
}
