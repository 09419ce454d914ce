import path from 'node:path';
import { escapeRegExp } from '../resolve/ast.js';

/**
 * Modules a file loads by a computed path: `require(\`./db/schema/v${version}\`)`,
 * `require('./routes/' + name)`, `import(\`./plugins/${name}.js\`)`,
 * `require(path.join(__dirname, 'migrations', file))`. Migration runners, plugin and route loaders.
 */
export interface ComputedLoad {
  /** The folder the loaded files are in. */
  readonly folder: string;
  /** What a loaded file's name (with or without its extension) must match. */
  readonly name: RegExp;
}

/** Whether a file's text may load a module by a computed path. */
export const MAY_LOAD_COMPUTED = /\b(?:require|import)\s*\(\s*(?:`[^`]*\$\{|['"][^'"\n]*['"]\s*\+|path\.(?:join|resolve)\s*\(\s*__dirname)/;

const CALL = /\b(?:require|import)\s*\(\s*/g;
const TEMPLATE = /^`([^`]*)`/;
const CONCAT = /^(['"])([^'"\n]*)\1\s*\+\s*[\w$.[\]]+(?:\s*\+\s*(['"])([^'"\n]*)\3)?\s*\)/;
const JOINED = /^path\.(?:join|resolve)\s*\(\s*__dirname\s*,\s*((?:(['"])[^'"\n]*\2\s*,\s*)*)[\w$.[\]]+\s*\)\s*\)/;

/** The computed loads in `text`, written in the file at `file` (relative paths resolve from its folder). */
export function computedLoads(file: string, text: string): ComputedLoad[] {
  const folder = path.dirname(file);
  const found: ComputedLoad[] = [];
  for (const match of text.matchAll(CALL)) {
    const rest = text.slice(match.index + match[0].length, match.index + match[0].length + 300);
    const load = parseLoad(folder, rest);
    if (load) found.push(load);
  }
  return found;
}

function parseLoad(folder: string, argument: string): ComputedLoad | null {
  const template = TEMPLATE.exec(argument);
  if (template) {
    let body = template[1]!;
    const dirname = /^\$\{\s*(?:__dirname|import\.meta\.dirname)\s*\}\//.exec(body);
    if (dirname) body = `./${body.slice(dirname[0].length)}`;
    const parts = body.split(/\$\{[^}]*\}/);
    if (parts.length < 2 || parts.some((part) => part.includes('${'))) return null;
    if (!body.startsWith('./') && !body.startsWith('../')) return null;
    return pattern(folder, parts);
  }
  const concat = CONCAT.exec(argument);
  if (concat) {
    const prefix = concat[2]!;
    if (!prefix.startsWith('./') && !prefix.startsWith('../')) return null;
    return pattern(folder, [prefix, concat[4] ?? '']);
  }
  const joined = JOINED.exec(argument);
  if (joined) {
    const segments = [...joined[1]!.matchAll(/(['"])([^'"\n]*)\1/g)].map((each) => each[2]!);
    return pattern(folder, [`./${segments.join('/')}${segments.length > 0 ? '/' : ''}`, '']);
  }
  return null;
}

/** `['./db/schema/v', '']` → files named `v*` in `db/schema`; only one folder deep. */
function pattern(base: string, parts: string[]): ComputedLoad | null {
  const first = parts[0]!;
  const slash = first.lastIndexOf('/');
  if (slash < 0) return null;
  const folder = path.resolve(base, first.slice(0, slash));
  const staticParts = [first.slice(slash + 1), ...parts.slice(1)];
  // A wildcard that spans folders, or a loaded name made of nothing but wildcards and a folder: too loose.
  if (staticParts.slice(1).some((part) => part.includes('/'))) return null;
  const name = new RegExp(`^${staticParts.map(escapeRegExp).join('[^/]+')}$`);
  return { folder, name };
}

/** Whether `file` is one `load` may load. */
export function isLoadedBy(load: ComputedLoad, file: string): boolean {
  if (path.dirname(file) !== load.folder) return false;
  const base = path.basename(file);
  return load.name.test(base) || load.name.test(base.replace(/\.[^.]+$/, ''));
}
