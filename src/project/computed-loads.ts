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
  /** The files are one folder further down, in any subfolder (`readdirSync(\`${root}/scripts/${kind}\`)`). */
  readonly inSubfolders?: boolean;
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
  const folder = load.inSubfolders ? path.dirname(path.dirname(file)) : path.dirname(file);
  if (folder !== load.folder) return false;
  const base = path.basename(file);
  return load.name.test(base) || load.name.test(base.replace(/\.[^.]+$/, ''));
}

/** Whether a file's text lists a folder (`readdirSync(dir)`, `fs.promises.readdir(dir)`): with a `require(file)` of a computed path it may load each file there. */
export const MAY_LOAD_FOLDER = /\breaddir(?:Sync)?\s*\(/;

const READDIR = /\breaddir(?:Sync)?\s*\(/g;
const ANY_NAME = /(?:)/;
/** A segment of a listed path that is not a constant: `${kind}` in `` `${process.cwd()}/scripts/${kind}` ``. */
const WILDCARD = '\0';

/**
 * The folders a command or plugin loader lists and loads each file of: `readdirSync(commandsPath)` with
 * `const commandsPath = path.join(__dirname, 'commands')` and `require(path.join(commandsPath, file))`
 * (the discord.js guide's loader), `readdirSync('./commands')` (from the working folder, the package's),
 * `` readdirSync(`${process.cwd()}/scripts/${kind}`) `` (every subfolder of `scripts/`). The caller checks
 * that the file also loads a module by a computed path; `packageDir` is where `process.cwd()` and bare
 * relative paths point.
 */
export function folderLoads(file: string, text: string, packageDir: string): ComputedLoad[] {
  const found: ComputedLoad[] = [];
  for (const match of text.matchAll(READDIR)) {
    const argument = leadingArgument(text, match.index + match[0].length);
    const listed = argument === null ? null : listedPath(argument, text, 0);
    const load = listed && folderOf(listed.from === 'file' ? path.dirname(file) : packageDir, listed.path, packageDir, ANY_NAME);
    if (load && !found.some((each) => each.folder === load.folder && each.inSubfolders === load.inSubfolders)) found.push(load);
  }
  return found;
}

/**
 * What a `require`/`import()` of a path its text builds loads, read as `folderLoads` reads a listing:
 * `require(filePath)` with `const filePath = path.join(eventsPath, file)` loads a file of `eventsPath`.
 * `null` when the path cannot be read.
 */
export function loadedFromFolder(file: string, argument: string, text: string, packageDir: string): ComputedLoad | null {
  const loaded = listedPath(argument.trim(), text, 0);
  if (!loaded) return null;
  const segments = loaded.path.split('/');
  const last = segments.pop()!;
  if (!last.includes(WILDCARD)) return null;
  const name = new RegExp(`^${last.split(WILDCARD).map(escapeRegExp).join('[^/]+')}$`);
  return folderOf(loaded.from === 'package' ? packageDir : path.dirname(file), segments.join('/'), packageDir, name);
}

/** The folder a listed path names from `base`, with at most one wildcard, as its last segment (each subfolder). */
function folderOf(base: string, listed: string, packageDir: string, name: RegExp): ComputedLoad | null {
  const segments = listed.split('/').filter((segment) => segment !== '' && segment !== '.');
  const wildcards = segments.filter((segment) => segment.includes(WILDCARD));
  const inSubfolders = wildcards.length === 1 && segments.at(-1) === WILDCARD;
  if (wildcards.length > (inSubfolders ? 1 : 0)) return null;
  const folder = path.resolve(base, ...(inSubfolders ? segments.slice(0, -1) : segments));
  // The package's own folder, or one outside it: not a folder of plugins.
  if (folder === packageDir || !folder.startsWith(packageDir + path.sep)) return null;
  return { folder, name, inSubfolders };
}

/**
 * Where the expression at `start` ends at its top level: the index of the first `separator` outside
 * strings and brackets, or of a closing bracket it did not open; `-1` when neither comes before `limit`.
 */
function topLevelEnd(text: string, start: number, separator: string, limit = text.length): number {
  let depth = 0;
  let quote: string | null = null;
  for (let at = start; at < text.length && at < limit; at++) {
    const char = text[at]!;
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = null;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) return at;
      depth--;
    } else if (char === separator && depth === 0) return at;
  }
  return -1;
}

/** The text of the first argument of a call whose arguments start at `start`, up to its `,` or `)`. */
function leadingArgument(text: string, start: number): string | null {
  const end = topLevelEnd(text, start, ',', start + 300);
  return end < 0 ? null : text.slice(start, end).trim();
}

/** The parts of an expression joined at its top level by `separator` (`,` for arguments, `+` for a concatenation). */
function topLevelParts(expression: string, separator: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let end = topLevelEnd(expression, from, separator); end >= 0 && expression[end] === separator; end = topLevelEnd(expression, from, separator)) {
    parts.push(expression.slice(from, end).trim());
    from = end + 1;
  }
  parts.push(expression.slice(from).trim());
  return parts;
}

interface ListedPath {
  /**
   * What the path is relative to: the loader's folder (`__dirname`), the package's (`process.cwd()`), or
   * written as a relative path (`'./commands'`: the working folder's for `readdir`, the file's for `require`).
   */
  readonly from: 'file' | 'package' | 'literal';
  /** `/`-separated; `WILDCARD` stands for a part that is not a constant. */
  readonly path: string;
}

const FILE_FOLDER = /^(?:__dirname|import\.meta\.dirname)$/;
const WORKING_FOLDER = /^process\.cwd\(\s*\)$/;
const QUOTED = /^(['"])([^'"\n]*)\1$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The path an expression builds, as far as its text shows (one constant it names deep). */
function listedPath(expression: string, text: string, depth: number): ListedPath | null {
  const call = /^(?:path\.)?(join|resolve|normalize)\s*\(([\s\S]*)\)$/.exec(expression);
  if (call && (call[1] !== 'normalize' || expression.startsWith('path.'))) return joinedPath(topLevelParts(call[2]!, ','), text, depth);
  const parts = topLevelParts(expression, '+');
  if (parts.length > 1) return concatenated(parts, text, depth);
  if (FILE_FOLDER.test(expression)) return { from: 'file', path: '' };
  if (WORKING_FOLDER.test(expression)) return { from: 'package', path: '' };
  const quoted = QUOTED.exec(expression);
  if (quoted) return quoted[2]!.startsWith('/') ? null : { from: 'literal', path: quoted[2]! };
  if (expression.startsWith('`') && expression.endsWith('`')) return templatePath(expression.slice(1, -1), text, depth);
  if (IDENTIFIER.test(expression) && depth < 2) {
    const declared = new RegExp(`\\b(?:const|let|var)\\s+${expression.replace(/\$/g, '\\$')}\\s*=\\s*`).exec(text);
    if (!declared) return null;
    const start = declared.index + declared[0].length;
    const end = text.slice(start, start + 300).search(/;|\n/);
    return listedPath(text.slice(start, end < 0 ? start + 300 : start + end).trim(), text, depth + 1);
  }
  return null;
}

/** `path.join(__dirname, 'commands', kind)`: the first part is where it starts, the others are segments. */
function joinedPath(parts: string[], text: string, depth: number): ListedPath | null {
  const start = listedPath(parts[0] ?? '', text, depth);
  if (!start) return null;
  const segments = [start.path];
  for (const part of parts.slice(1)) {
    const quoted = QUOTED.exec(part);
    segments.push(quoted ? quoted[2]! : WILDCARD);
  }
  return { from: start.from, path: segments.join('/') };
}

/** `process.cwd() + '/scripts/' + kind`: strings joined, a part that is not one is a wildcard. */
function concatenated(parts: string[], text: string, depth: number): ListedPath | null {
  const start = listedPath(parts[0]!, text, depth);
  if (!start) return null;
  let joined = start.path;
  for (const part of parts.slice(1)) {
    const quoted = QUOTED.exec(part);
    if (quoted) joined += quoted[2]!;
    else if (part.startsWith('`') && part.endsWith('`')) joined += part.slice(1, -1).replace(/\$\{[^}]*\}/g, WILDCARD);
    else joined += WILDCARD;
  }
  return { from: start.from, path: joined };
}

/** `` `${process.cwd()}/scripts/${kind}` ``: a leading `${__dirname}` or `${process.cwd()}` is where it starts. */
function templatePath(body: string, text: string, depth: number): ListedPath | null {
  const leading = /^\$\{\s*([^}]*?)\s*\}/.exec(body);
  let from: ListedPath['from'] = 'literal';
  let rest = body;
  if (leading) {
    const start = listedPath(leading[1]!, text, depth);
    if (!start) return null;
    from = start.from;
    rest = start.path + body.slice(leading[0].length);
  } else if (body.startsWith('/')) return null;
  return { from, path: rest.replace(/\$\{[^}]*\}/g, WILDCARD) };
}
