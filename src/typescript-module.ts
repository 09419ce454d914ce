import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';

// Type-aware mode reads the TypeScript program the parser built, through the classic compiler API
// (`ts.SyntaxKind`, `ts.forEachChild`, …). That API is the `typescript` package the parser itself
// loaded: typescript-eslint needs classic TypeScript (4.8 to 6.0; its TypeScript 7 backend,
// `@typescript/native`, still runs beside a classic TypeScript 6.0). TypeScript 7's own `typescript`
// package has no such API. So the module is looked up where the parser finds it, and it is only
// used when its syntax kinds are the ones the program's nodes carry.

/** Where `typescript` may be found, in order: beside the parser's tree, beside this plugin, the project. */
function candidateRequires(cwd: string): NodeRequire[] {
  const own = createRequire(import.meta.url);
  const project = createRequire(path.join(cwd, 'package.json'));
  const requires: NodeRequire[] = [];
  for (const from of [project, own]) {
    try {
      requires.push(createRequire(from.resolve('@typescript-eslint/typescript-estree')));
    } catch {
      // No typescript-estree reachable from here.
    }
  }
  requires.push(own, project);
  return requires;
}

export type TypeScriptLookup = { readonly ts: typeof TS } | { readonly ts: null; readonly reason: string };

const byProgram = new WeakMap<TS.Program, TypeScriptLookup>();
const modules = new Map<string, typeof TS | null>();

function hasClassicApi(candidate: unknown): candidate is typeof TS {
  const ts = candidate as Partial<typeof TS> | null;
  return !!ts && typeof ts.forEachChild === 'function' && typeof ts.SyntaxKind === 'object' && typeof ts.isIdentifier === 'function';
}

/**
 * The classic TypeScript module whose syntax kinds match `program`'s nodes, or why there is none
 * (then the caller runs the untyped analysis).
 */
export function typeScriptFor(program: TS.Program, cwd: string): TypeScriptLookup {
  const known = byProgram.get(program);
  if (known) return known;
  const sourceFile = program.getSourceFiles()[0];
  const found: string[] = [];
  let lookup: TypeScriptLookup | undefined;
  for (const require of candidateRequires(cwd)) {
    let file: string;
    try {
      file = require.resolve('typescript');
    } catch {
      continue;
    }
    if (!modules.has(file)) {
      let loaded: unknown = null;
      try {
        loaded = require('typescript');
      } catch {
        // Unloadable: not a candidate.
      }
      modules.set(file, hasClassicApi(loaded) ? loaded : null);
    }
    const ts = modules.get(file);
    if (!ts) {
      found.push(`${file} (no classic compiler API: TypeScript 7's package has none)`);
      continue;
    }
    if (sourceFile && sourceFile.kind !== ts.SyntaxKind.SourceFile) {
      found.push(`${file} (TypeScript ${ts.version}, not the version the parser used)`);
      continue;
    }
    lookup = { ts };
    break;
  }
  lookup ??= {
    ts: null,
    reason:
      found.length > 0
        ? `no usable TypeScript compiler API: ${[...new Set(found)].join('; ')}`
        : 'the `typescript` package is not installed where the parser can be found',
  };
  byProgram.set(program, lookup);
  return lookup;
}
