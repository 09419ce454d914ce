import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { ResolverFactory } from 'oxc-resolver';
import { globSync } from 'tinyglobby';
import { isSourceFile } from './parse.js';
import { ownPathsConfig, sourceCandidates, tsconfigOutDir } from './build-output.js';
import { WeightBudget } from './budget.js';
import { computedLoads, folderLoads, loadedFromFolder, type ComputedLoad, isLoadedBy, MAY_LOAD_COMPUTED, MAY_LOAD_FOLDER } from './computed-loads.js';
import { serviceEntries, toolingEntries } from './entries.js';
import { asRelative } from '../resolve/ast.js';

/** What a file was when it was read: a cached result is valid while its files keep their stamps. */
export interface FileStamp {
  readonly mtimeMs: number;
  readonly size: number;
}

/**
 * A file as last read. Its text is kept while it is among the most recently used (a `WeightBudget`),
 * and read again when something asks for it later: a project's whole text, kept for the run, was a
 * tenth of the lint's memory. The text of a file read only to index who imports whom is let go at
 * once, when its specifiers are known.
 */
class FileEntry {
  readonly file: string;
  readonly stamp: FileStamp;
  private kept: string | undefined;
  private readonly texts: WeightBudget;
  private readonly release = () => this.dropText();
  /** Module specifiers named in the file (imports, re-exports, `require`, `import()`), on first request. */
  specifiers?: readonly string[];
  /** What the importer index reads off the text, kept so a refresh need not read unchanged files again. */
  indexFlags?: { readonly heritage: boolean; readonly startsByPath: boolean; readonly loadsComputed: boolean; readonly loadsDynamic: boolean; readonly listsFolder: boolean };
  /** Project files those specifiers resolve to, on first request. */
  dependencies?: readonly string[];

  constructor(file: string, stamp: FileStamp, text: string, texts: WeightBudget) {
    this.file = file;
    this.stamp = stamp;
    this.kept = text;
    this.texts = texts;
    texts.use(this, text.length, this.release);
  }

  get text(): string {
    if (this.kept === undefined) {
      // Changed on disk since its stamp: the next stat (at most RESTAT_MS away) sees it as a change.
      try {
        this.kept = readFileSync(this.file, 'utf8');
      } catch {
        this.kept = '';
      }
    }
    this.texts.use(this, this.kept.length, this.release);
    return this.kept;
  }

  dropText(): void {
    this.kept = undefined;
    this.texts.remove(this);
  }
}

/** How much file text (in characters) the entries keep between uses: the process's, shared by every project. */
const KEPT_TEXT_BUDGET = 4 * 1024 * 1024;
const keptTexts = new WeightBudget(KEPT_TEXT_BUDGET);

/** Build output and coverage: copies of the sources, not followed from the sources. */
const OUTPUT_FOLDERS = new Set(['dist', 'out', 'build', 'coverage', '.next', '.nuxt', '.svelte-kit', '.output']);
/** Folders never searched for project files: dependencies, output, tool caches. */
const IGNORED = ['**/node_modules/**', '**/.*/**', '**/coverage/**', '**/dist/**', '**/out/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/*.min.js'];
const SOURCE_GLOB = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';
/** Projects beyond this many source files get no reverse index (who imports a file): only forward look-ups. */
export const MAX_PROJECT_FILES = 50_000;
/** Files a lint does not import directly are stat'ed again at most this often (ms). */
export const RESTAT_MS = 1000;
/** Files larger than this are not read across files: generated bundles, not code anyone edits. */
const MAX_FILE_BYTES = 512 * 1024;
/** Bundled or minified output (a long average line): not read across files either. */
const MAX_AVERAGE_LINE = 400;

// Every way a module specifier is written: static and dynamic imports, re-exports, require (and `rfr`, require from the root).
const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\b(?:require|rfr)\s*\(\s*|\bexport\s*\*\s*from\s*)(['"`])([^'"`\n\r]+)\1/g;

// `require(process.env.NODE_ENV === 'development' ? './db.dev.js' : './db.js')`: either module.
const REQUIRE_EITHER = /\brequire\s*\(\s*[^()\n]*?\?\s*(['"])([^'"\n\r]+)\1\s*:\s*(['"])([^'"\n\r]+)\3\s*\)/g;
// `require(path.join(__dirname, 'lib', 'db.js'))`, `require(__dirname + '/db.js')`, `` require(`${__dirname}/db.js`) ``
const REQUIRE_FROM_FOLDER =
  /\brequire\s*\(\s*(?:(?:[\w$]+\.)?(join|resolve)\s*\(\s*(?:__dirname|import\.meta\.dirname)\s*,\s*((?:(['"`])[^'"`\n\r$]*\3\s*,?\s*)+)\)|__dirname\s*\+\s*(['"`])(\/[^'"`\n\r]+)\4|`\$\{\s*__dirname\s*\}(\/[^`$\n\r]+)`)\s*\)/g;
// An exported class with a heritage clause (`export class SQLite3 implements IDatabaseConnector`).
const HERITAGE = /\bexport\s+(?:default\s+)?(?:abstract\s+)?class\s+[\w$]+[^{]*\b(?:implements|extends)\b/;
// Starting a file by its path in a thread or a process.
const STARTS_BY_PATH = /\b(?:new\s+(?:Worker|Piscina|Tinypool)|fork|spawn|execFile|workerpool\.pool)\s*\(/;
// `path.join(__dirname, 'tasks', 'backup.js')`, `resolve(import.meta.dirname, '../child.js')`
const PATH_FROM_FOLDER = /\b(?:join|resolve)\s*\(\s*(?:__dirname|import\.meta\.dirname)\s*,\s*((?:(['"`])[^'"`\n\r]+\2\s*,?\s*)+)\)/g;
// `new URL('./child.js', import.meta.url)`
const PATH_FROM_MODULE_URL = /\bnew\s+URL\s*\(\s*(['"`])([^'"`\n\r]+)\1\s*,\s*import\.meta\.url\s*\)/g;
// `__dirname + '/task.js'`, `` `${__dirname}/task.js` ``
const PATH_AFTER_FOLDER = /__dirname\s*\+\s*(['"])\/?([^'"\n\r]+)\1|\$\{__dirname\}\/([^`$\n\r]+)`/g;
// `new Worker('./task.js')`, `fork('./child.js')`
const LITERAL_STARTED = /\b(?:new\s+Worker|fork)\s*\(\s*(['"`])(\.{0,2}\/?[^'"`\n\r]+)\1/g;
// `spawn('node', ['Goat.js'])`, `execFile(process.execPath, ['./child.js'])`: Node run on a file of the project.
const NODE_STARTED = /\b(?:spawn|execFile)\s*\(\s*(?:(['"`])node\1|process\.execPath|process\.argv\[0\])\s*,\s*\[\s*(['"`])(\.{0,2}\/?[^'"`\n\r]+)\2/g;
const SOURCE_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;

const resolverOptions = {
  tsconfig: 'auto' as const,
  extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'],
  extensionAlias: { '.js': ['.ts', '.tsx', '.js', '.jsx'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'], '.jsx': ['.tsx', '.jsx'] },
  conditionNames: ['node', 'import', 'require', 'default'],
  mainFields: ['main', 'module'],
  builtinModules: true,
};

/**
 * The files of one project (a package, or a workspace with its packages): reading with stamps,
 * module resolution through oxc-resolver (tsconfig `paths`/`baseUrl`, package.json `imports`,
 * `exports`, extension aliases, symlinks), and which files import which.
 */
export class ProjectFiles {
  readonly root: string;
  private readonly resolver = new ResolverFactory(resolverOptions);
  private readonly fallbackResolvers = new Map<string, ResolverFactory>();
  private readonly entries = new Map<string, FileEntry | null>();
  /** Resolved specifiers, by folder (relative ones) or package (bare ones). */
  private readonly resolutions = new Map<string, string | null>();
  private readonly packageDirs = new Map<string, string>();
  private readonly serviceEntryFiles = new Map<string, Set<string>>();
  private readonly toolingEntryFiles = new Map<string, Set<string>>();
  /** When each file was last stat'ed: in which lint, at what time. */
  private readonly checked = new Map<string, { epoch: number; time: number; stamp: FileStamp | null }>();
  /** package.json of each package folder, read once, for the specifiers that resolve from its root. */
  private readonly manifests = new Map<string, Record<string, unknown> | null>();
  private workspacePackages: Map<string, string> | undefined;
  private importerIndex: Map<string, string[]> | undefined;
  /** Files another file starts by path as a thread or a process (`new Worker(…)`, `fork(…)`), with those files. */
  private starterIndex = new Map<string, string[]>();
  /** Files that export a class which `implements` or `extends` something: the only ones read for implementers. */
  private heritageIndex = new Set<string>();
  /** Files loaded by a computed path (`require(\`./schema/v${n}\`)`), with the files that load them. */
  private loaderIndex = new Map<string, string[]>();
  /** The other way round: the files each loader loads by a computed path. */
  private loadedIndex = new Map<string, string[]>();
  private computedLoaderList: string[] = [];
  private indexedAt = 0;

  constructor(root: string) {
    this.root = root;
  }

  /** Lints begun so far (one per linted file). */
  epoch = 0;
  /** How many times a file was seen to change (or appear, or go): cached answers recheck their files when it moves. */
  changes = 0;

  private sweptAt = 0;

  /**
   * A new lint begins: the files it imports directly are stat'ed again on their next use, and the
   * files read for earlier lints together, at most once per `RESTAT_MS`. A change seen there moves
   * `changes`; cached answers compare their files' stamps only then, not in every round.
   */
  beginLint(): void {
    this.epoch++;
    const now = Date.now();
    if (now - this.sweptAt < RESTAT_MS) return;
    this.sweptAt = now;
    for (const file of this.entries.keys()) this.entry(file);
  }

  /**
   * The file's text and stamp, re-read when it changed on disk; `null` when it cannot be read.
   * `direct`: the linted file imports it, so an edit must show in this lint (stat'ed once per
   * lint); other files are stat'ed at most once per `RESTAT_MS`, which spares a CLI run a stat per
   * look-up and lets an editor see deeper edits within a second.
   */
  entry(file: string, direct = false): FileEntry | null {
    const cached = this.entries.get(file);
    const checked = this.checked.get(file);
    const now = Date.now();
    if (cached !== undefined && checked && (direct ? checked.epoch === this.epoch : now - checked.time < RESTAT_MS)) return cached;
    const stamp = stampOf(file);
    this.checked.set(file, { epoch: this.epoch, time: now, stamp });
    // Unchanged since the last stat: also a file kept as `null` (too large, generated, unreadable), not read again.
    if (cached !== undefined && checked && sameStamp(checked.stamp, stamp)) return cached;
    let entry: FileEntry | null = null;
    if (stamp && stamp.size <= MAX_FILE_BYTES) {
      try {
        const text = readFileSync(file, 'utf8');
        entry = isGenerated(text) ? null : new FileEntry(file, stamp, text, keptTexts);
      } catch {
        entry = null;
      }
    }
    if (cached !== undefined) this.changes++;
    cached?.dropText();
    this.entries.set(file, entry);
    return entry;
  }

  /** The current stamp of a file (see `entry`), `null` when it is gone. */
  stamp(file: string, direct = false): FileStamp | null {
    return this.entry(file, direct)?.stamp ?? null;
  }

  /** Path relative to the project root, `/`-separated, for messages. */
  relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  /** The project source file `specifier` names from `from`, or `null` (packages, builtins, other files). */
  resolve(from: string, specifier: string): string | null {
    if (!isProjectSpecifier(specifier)) return null;
    // Files of one folder resolve a relative specifier alike; a bare one (a package, an alias) alike within a package.
    const bare = !specifier.startsWith('.') && !specifier.startsWith('/');
    const key = `${bare ? this.packageDirOf(from) : path.dirname(from)}\0${specifier}`;
    const known = this.resolutions.get(key);
    if (known !== undefined) return known;
    const resolved = this.resolveUncached(from, specifier);
    this.resolutions.set(key, resolved);
    return resolved;
  }

  private packageDirOf(file: string): string {
    const directory = path.dirname(file);
    let found = this.packageDirs.get(directory);
    if (found === undefined) {
      found = directory === this.root || existsSync(path.join(directory, 'package.json')) || path.dirname(directory) === directory ? directory : this.packageDirOf(directory);
      this.packageDirs.set(directory, found);
    }
    return found;
  }

  private resolveUncached(from: string, specifier: string): string | null {
    let resolved: string | undefined;
    try {
      resolved = this.resolveFile(from, specifier);
      if (!resolved) resolved = this.resolveWorkspacePackage(specifier);
      if (!resolved && !specifier.startsWith('.') && !path.isAbsolute(specifier)) resolved = this.resolveFromPackageRoot(from, specifier);
    } catch {
      return null;
    }
    // An entry importing build output that is not built (`./dist/controller.js` in a checkout): its source.
    if (!resolved && (specifier.startsWith('.') || path.isAbsolute(specifier))) return this.sourceOfOutput(from, path.resolve(path.dirname(from), specifier));
    if (!resolved || !isSourceFile(resolved)) return null;
    // Dependencies are not the project (a project may itself live under node_modules: a vendored
    // package), and build output is a copy of sources (a package importing itself by name lands in
    // its dist/): neither is followed, unless the importing file is in that same output folder. The
    // output's source is followed instead, when there is one.
    const segments = path.relative(this.root, resolved).split(path.sep);
    if (segments.includes('node_modules')) return null;
    const output = outputFolderIndex(segments);
    if (output >= 0) {
      const folder = path.join(this.root, ...segments.slice(0, output + 1)) + path.sep;
      if (!from.startsWith(folder)) return this.sourceOfOutput(from, resolved);
    }
    return resolved;
  }

  /** Whether the package's own manifest runs `file` as its service (`main`, `"start": "node index.js"`). */
  isServiceEntry(file: string): boolean {
    return this.manifestEntries(file, this.serviceEntryFiles, serviceEntries).has(file);
  }

  /** Whether the package's manifest runs `file` from a tooling script (`"deploy": "node deploy.js"`). */
  isToolingEntry(file: string): boolean {
    return this.manifestEntries(file, this.toolingEntryFiles, toolingEntries).has(file) && !this.isServiceEntry(file);
  }

  private manifestEntries(file: string, byPackage: Map<string, Set<string>>, read: (manifest: Record<string, unknown> | null) => string[]): Set<string> {
    const packageDir = this.packageDirOf(file);
    let entries = byPackage.get(packageDir);
    if (!entries) {
      entries = new Set();
      const manifest = path.join(packageDir, 'package.json');
      for (const program of read(readJson(manifest))) {
        const target = path.resolve(packageDir, program);
        const resolved = this.resolveEntry(manifest, target);
        if (resolved) entries.add(resolved);
      }
      byPackage.set(packageDir, entries);
    }
    return entries;
  }

  private resolveEntry(manifest: string, target: string): string | null {
    try {
      const found = this.resolveFile(manifest, target);
      if (found && isSourceFile(found) && outputFolderIndex(path.relative(this.root, found).split(path.sep)) < 0) return found;
    } catch {
      // Not a file the resolver finds: maybe build output that is not built.
    }
    return this.sourceOfOutput(manifest, target);
  }

  /**
   * A tsconfig the resolver cannot load (it extends a package that is not installed, say) fails
   * every look-up from files it covers: those are resolved again without tsconfig aliases.
   */
  private resolveFile(from: string, specifier: string): string | undefined {
    const result = this.resolver.resolveFileSync(from, specifier);
    if (result.path || !result.error || !/tsconfig/i.test(result.error)) return result.path;
    return this.resolverWithoutExtends(from).resolveFileSync(from, specifier).path;
  }

  /**
   * A resolver for the files of the nearest tsconfig.json above `from`, with its own `baseUrl` and
   * `paths` but not what it extends (which failed to load): `@/core` still resolves.
   */
  private resolverWithoutExtends(from: string): ResolverFactory {
    let directory = path.dirname(from);
    while (!existsSync(path.join(directory, 'tsconfig.json')) && directory !== this.root && path.dirname(directory) !== directory) directory = path.dirname(directory);
    let resolver = this.fallbackResolvers.get(directory);
    if (!resolver) {
      const configFile = ownPathsConfig(path.join(directory, 'tsconfig.json'));
      resolver = new ResolverFactory({ ...resolverOptions, tsconfig: configFile ? { configFile, references: 'auto' as const } : undefined });
      this.fallbackResolvers.set(directory, resolver);
    }
    return resolver;
  }

  /** The source file a path in a build-output folder (`dist/x.js`) is compiled from, if the project has it. */
  private sourceOfOutput(from: string, target: string): string | null {
    const segments = path.relative(this.root, target).split(path.sep);
    if (segments[0] === '..') return null;
    const output = outputFolderIndex(segments);
    let packageDir = path.join(this.root, ...segments.slice(0, Math.max(output, 0)));
    let outputFolder = segments[output] ?? '';
    let inside = segments.slice(output + 1).join(path.sep);
    if (output < 0) {
      // An output folder only the tsconfig names (`"outDir": "./lib"`, `require('./lib/main')` unbuilt).
      packageDir = this.packageDirOf(from);
      const outDir = tsconfigOutDir(packageDir);
      const relative = path.relative(path.join(packageDir, outDir ?? ''), target);
      if (outDir === null || relative.startsWith('..') || path.isAbsolute(relative)) return null;
      outputFolder = outDir;
      inside = relative;
    }
    for (const candidate of sourceCandidates(packageDir, outputFolder, inside)) {
      try {
        const found = this.resolveFile(from, candidate);
        if (found && isSourceFile(found) && outputFolderIndex(path.relative(this.root, found).split(path.sep)) < 0 && !found.includes(`${path.sep}node_modules${path.sep}`)) return found;
      } catch {
        // Not this candidate.
      }
    }
    return null;
  }

  /** Project files `file` imports, requires or re-exports. */
  dependencies(file: string): readonly string[] {
    const entry = this.entry(file);
    if (!entry) return [];
    if (!entry.dependencies) {
      const found = new Set<string>();
      for (const specifier of this.specifiers(file)) {
        const resolved = this.resolve(file, specifier);
        if (resolved && resolved !== file) found.add(resolved);
      }
      entry.dependencies = [...found].sort();
    }
    return entry.dependencies;
  }

  specifiers(file: string): readonly string[] {
    const entry = this.entry(file);
    if (!entry) return [];
    if (!entry.specifiers) {
      entry.specifiers = specifiersIn(entry.text);
    }
    return entry.specifiers;
  }

  /**
   * Files of the project that import `file` (directly), sorted. The index is built on first
   * request by reading every source file of the project, and refreshed when it is older than
   * `maxAgeMs` (an editor's session: new and edited files are seen again).
   */
  importersOf(file: string, maxAgeMs = 5_000): readonly string[] {
    return this.indexes(maxAgeMs).importers.get(file) ?? [];
  }

  /**
   * Files of the project that start `file` by its path in a worker thread or a child process
   * (`new Worker(path.join(__dirname, 'task.js'))`, `fork(new URL('./child.js', import.meta.url))`,
   * `spawn('node', [path.resolve(__dirname, 'x.js')])`): built with the importer index.
   */
  startersOf(file: string, maxAgeMs = 5_000): readonly string[] {
    return this.indexes(maxAgeMs).starters.get(file) ?? [];
  }

  /** Whether `file` exports a class declared with `implements` or `extends` (from the importer index's read). */
  declaresHeritage(file: string, maxAgeMs = 5_000): boolean {
    this.indexes(maxAgeMs);
    return this.heritageIndex.has(file);
  }

  private indexes(maxAgeMs: number): { importers: Map<string, string[]>; starters: Map<string, string[]> } {
    const now = Date.now();
    if (!this.importerIndex || now - this.indexedAt > maxAgeMs) {
      this.starterIndex = new Map();
      this.heritageIndex = new Set();
      this.loaderIndex = new Map();
      this.loadedIndex = new Map();
      this.computedLoaderList = [];
      this.importerIndex = this.buildImporterIndex();
      this.indexedAt = Date.now();
    }
    return { importers: this.importerIndex, starters: this.starterIndex };
  }

  private buildImporterIndex(): Map<string, string[]> {
    const index = new Map<string, string[]>();
    let files: string[];
    try {
      files = globSync(SOURCE_GLOB, { cwd: this.root, absolute: true, ignore: IGNORED, followSymbolicLinks: false });
    } catch {
      return index;
    }
    if (files.length > MAX_PROJECT_FILES) return index;
    files = files.map((file) => path.normalize(file)).sort();
    for (const file of files) {
      const known = this.entries.has(file);
      for (const dependency of this.dependencies(file)) {
        const list = index.get(dependency);
        if (list) list.push(file);
        else index.set(dependency, [file]);
      }
      const entry = this.entries.get(file);
      if (!entry) continue;
      const flags = (entry.indexFlags ??= indexFlagsOf(entry.text));
      if (flags.heritage) this.heritageIndex.add(file);
      if (flags.startsByPath) {
        for (const started of this.startedBy(file, entry.text)) {
          const list = this.starterIndex.get(started);
          if (list) list.push(file);
          else this.starterIndex.set(started, [file]);
        }
      }
      if (flags.loadsDynamic || flags.loadsComputed) this.computedLoaderList.push(file);
      const listsFolder = flags.loadsDynamic && flags.listsFolder;
      if (flags.loadsComputed || listsFolder) this.indexComputedLoads(file, entry.text, files, listsFolder);
      if (!known) entry.dropText();
    }
    return index;
  }

  /** Files `loader` loads by a computed path (its plugins, commands, migrations). */
  loadedBy(loader: string, maxAgeMs = 5_000): readonly string[] {
    this.indexes(maxAgeMs);
    return this.loadedIndex.get(loader) ?? [];
  }

  /** Files that load `file` by a computed path (migration runners, plugin loaders): built with the importer index. */
  loadersOf(file: string, maxAgeMs = 5_000): readonly string[] {
    this.indexes(maxAgeMs);
    return this.loaderIndex.get(file) ?? [];
  }

  /** Files that load modules by a path that is not a literal (`import(File.path)`), whether or not it can be read. */
  computedLoaders(maxAgeMs = 5_000): readonly string[] {
    this.indexes(maxAgeMs);
    return this.computedLoaderList;
  }

  private indexComputedLoads(file: string, text: string, files: readonly string[], listsFolder: boolean): void {
    for (const load of [...computedLoads(file, text), ...(listsFolder ? this.folderLoadsOf(file, text) : [])]) {
      let matched = 0;
      // `files` is sorted: the folder's files are one run of it.
      let at = sortedIndex(files, load.folder + path.sep);
      for (; at < files.length && files[at]!.startsWith(load.folder + path.sep) && matched < MAX_COMPUTED_LOADS; at++) {
        const loaded = files[at]!;
        if (loaded === file || !isLoadedBy(load, loaded)) continue;
        matched++;
        const list = this.loaderIndex.get(loaded);
        if (!list) this.loaderIndex.set(loaded, [file]);
        else if (!list.includes(file)) list.push(file);
        const loads = this.loadedIndex.get(file);
        if (!loads) this.loadedIndex.set(file, [loaded]);
        else if (!loads.includes(loaded)) loads.push(loaded);
      }
    }
  }

  /** What a load in `file` of the path `argument` builds reads from a folder (`require(path.join(eventsPath, name))`), or `null`. */
  loadedFromFolderOf(file: string, argument: string, text: string): ComputedLoad | null {
    return loadedFromFolder(file, argument, text, this.packageDirOf(file));
  }

  /** The folders `file` lists when it also loads a module by a computed path (a command loader's `readdirSync(dir)`, then `require(file)`). */
  folderLoadsOf(file: string, text: string): ComputedLoad[] {
    return MAY_LOAD_FOLDER.test(text) && LOADS_DYNAMIC.test(text) ? folderLoads(file, text, this.packageDirOf(file)) : [];
  }

  /** Project source files `file` names by path next to starting a thread or process (see `startersOf`). */
  private startedBy(file: string, text: string): Set<string> {
    const found = new Set<string>();
    const add = (relativePath: string, bases: readonly string[]) => {
      if (!SOURCE_EXTENSION.test(relativePath)) return;
      for (const base of bases) {
        const resolved = this.resolve(path.join(base, 'index.js'), relativePath.startsWith('.') ? relativePath : `./${relativePath}`);
        if (resolved && resolved !== file) {
          found.add(resolved);
          return;
        }
      }
    };
    const folder = path.dirname(file);
    for (const match of text.matchAll(PATH_FROM_FOLDER)) {
      add(quotedParts(match[1]!).join('/'), [folder]);
    }
    for (const match of text.matchAll(PATH_FROM_MODULE_URL)) add(match[2]!, [folder]);
    for (const match of text.matchAll(PATH_AFTER_FOLDER)) add(match[2] ?? match[3]!, [folder]);
    // `new Worker('./task.js')` resolves from the process's working folder: the package's, usually.
    for (const match of text.matchAll(LITERAL_STARTED)) add(match[2]!, [this.packageDirOf(file), folder]);
    for (const match of text.matchAll(NODE_STARTED)) add(match[3]!, [this.packageDirOf(file), folder]);
    return found;
  }

  /**
   * A bare specifier that names a path from the package's root: a `module-alias` alias (`"_moduleAliases":
   * {"@models": "src/models"}` in package.json), or a root-relative require (`rfr('src/config.js')`,
   * `NODE_PATH=.`) of a folder the package has, when no dependency of the package has that name.
   */
  private resolveFromPackageRoot(from: string, specifier: string): string | undefined {
    if (isBuiltin(specifier)) return undefined;
    const packageDir = this.packageDirOf(from);
    let manifest = this.manifests.get(packageDir);
    if (manifest === undefined) this.manifests.set(packageDir, (manifest = readJson(path.join(packageDir, 'package.json'))));
    const aliases = manifest?._moduleAliases;
    if (aliases && typeof aliases === 'object') {
      const entries = Object.entries(aliases as Record<string, unknown>).sort(([a], [b]) => b.length - a.length);
      for (const [alias, target] of entries) {
        if (typeof target !== 'string' || (specifier !== alias && !specifier.startsWith(`${alias}/`))) continue;
        return this.resolveFile(from, path.join(packageDir, target, specifier.slice(alias.length)));
      }
    }
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const declared = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].some((field) => {
      const dependencies = manifest?.[field];
      return !!dependencies && typeof dependencies === 'object' && name in dependencies;
    });
    if (declared || parts.length < 2 || !existsSync(path.join(packageDir, parts[0]!))) return undefined;
    return this.resolveFile(from, path.join(packageDir, specifier));
  }

  /** Workspace packages imported by name when they are not linked into node_modules (a fresh checkout). */
  private resolveWorkspacePackage(specifier: string): string | undefined {
    this.workspacePackages ??= findWorkspacePackages(this.root);
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const directory = this.workspacePackages.get(name);
    if (!directory) return undefined;
    const rest = specifier.slice(name.length);
    try {
      const inside = this.resolveFile(path.join(directory, 'package.json'), rest ? `.${rest}` : '.');
      if (inside) return inside;
      // A package whose `main` points at build output that is not there: its sources.
      for (const candidate of ['src/index', 'index', 'lib/index']) {
        const found = this.resolveFile(path.join(directory, 'package.json'), `./${candidate}`);
        if (found) return found;
      }
    } catch {
      return undefined;
    }
    return undefined;
  }
}

/** `require(x)`, `import(file.path)`: a load by anything but a literal. */
const LOADS_DYNAMIC = /\b(?:require|import)\s*\(\s*[^'"`\s)]/;
/** Files one computed load may stand for, at most. */
const MAX_COMPUTED_LOADS = 200;

/** The first index of a sorted list whose item is not below `value`. */
function sortedIndex(list: readonly string[], value: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Module specifiers written in a file's text (imports, re-exports, `require`, `import()`), once each. */
export function specifiersIn(text: string): string[] {
  const found = new Set<string>();
  if (text.includes('from') || text.includes('import') || text.includes('require')) {
    for (const match of text.matchAll(SPECIFIER)) found.add(detached(match[2]!));
  }
  if (text.includes('?') && text.includes('require')) {
    for (const match of text.matchAll(REQUIRE_EITHER)) {
      found.add(detached(match[2]!));
      found.add(detached(match[4]!));
    }
  }
  if (text.includes('__dirname') || text.includes('import.meta.dirname')) {
    for (const match of text.matchAll(REQUIRE_FROM_FOLDER)) {
      const segments = match[2] ? quotedParts(match[2]) : [match[5] ?? match[6]!];
      if (match[1] === 'resolve' && segments.some((segment) => segment.startsWith('/'))) continue;
      const relative = asRelative(segments.join('/'));
      if (relative) found.add(relative);
    }
  }
  return [...found];
}

/** The strings of a list of quoted arguments: `'lib', "/db.js"` → `['lib', '/db.js']`. */
function quotedParts(list: string): string[] {
  return [...list.matchAll(/(['"`])([^'"`\n\r]*)\1/g)].map((part) => part[2]!);
}

/**
 * A copy of `part` that does not point into the string it was cut from. V8 keeps a substring as a
 * slice of its parent: a specifier kept in the resolution cache (or an entry's specifiers) kept the
 * whole text of the file it was read from alive for the run, whatever else let that text go; so did
 * an export name kept as a key of an export trie, or in a usage or path description.
 */
export function detached(part: string): string {
  // UTF-16 code units round-trip exactly (lone surrogates included).
  return part.length < SLICE_MIN_LENGTH ? part : Buffer.from(part, 'utf16le').toString('utf16le');
}

/** Below this length V8 copies a substring instead of slicing its parent. */
const SLICE_MIN_LENGTH = 13;

function isGenerated(text: string): boolean {
  let lines = 1;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lines++;
  return text.length / lines > MAX_AVERAGE_LINE;
}

function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a === b || (a !== null && b !== null && a.mtimeMs === b.mtimeMs && a.size === b.size);
}

function indexFlagsOf(text: string): NonNullable<FileEntry['indexFlags']> {
  return { heritage: HERITAGE.test(text), startsByPath: STARTS_BY_PATH.test(text), loadsComputed: MAY_LOAD_COMPUTED.test(text), loadsDynamic: LOADS_DYNAMIC.test(text), listsFolder: MAY_LOAD_FOLDER.test(text) };
}

function stampOf(file: string): FileStamp | null {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats?.isFile() ? { mtimeMs: stats.mtimeMs, size: stats.size } : null;
  } catch {
    return null;
  }
}

/** The index of the first build-output folder among a relative path's folders, or -1. */
function outputFolderIndex(segments: readonly string[]): number {
  return segments.findIndex((segment, index) => index < segments.length - 1 && OUTPUT_FOLDERS.has(segment));
}

/** Relative paths, tsconfig aliases, `#imports` and workspace package names may be project files; builtins never are. */
function isProjectSpecifier(specifier: string): boolean {
  return !specifier.startsWith('node:') && !/^[a-z][a-z0-9+.-]*:/i.test(specifier) && specifier.length < 400;
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Workspace globs of a root (`workspaces` in package.json, or pnpm-workspace.yaml's `packages`). */
function workspaceGlobs(directory: string): string[] | null {
  const manifest = readJson(path.join(directory, 'package.json'));
  const workspaces = manifest?.workspaces;
  if (Array.isArray(workspaces)) return workspaces.filter((entry): entry is string => typeof entry === 'string');
  if (workspaces && typeof workspaces === 'object' && Array.isArray((workspaces as { packages?: unknown }).packages)) {
    return ((workspaces as { packages: unknown[] }).packages).filter((entry): entry is string => typeof entry === 'string');
  }
  const pnpm = path.join(directory, 'pnpm-workspace.yaml');
  if (existsSync(pnpm)) {
    try {
      const text = readFileSync(pnpm, 'utf8');
      const block = /^packages:\s*\n((?:\s+-.*\n?)+)/m.exec(text)?.[1] ?? '';
      return [...block.matchAll(/-\s*['"]?([^'"\n#]+?)['"]?\s*(?:#.*)?$/gm)].map((match) => match[1]!).filter((glob) => !glob.startsWith('!'));
    } catch {
      return null;
    }
  }
  return linkedPackageFolders(directory);
}

/** Dependency versions that point at a folder of the same repository instead of the registry. */
const LOCAL_DEPENDENCY = /^(?:file|link|portal):(.+)$/;

/**
 * A repository root without declared workspaces whose packages depend on each other by path
 * (`"mcsmanager-common": "file:../common"`): those packages, as workspace globs. One level of
 * sub-folders is read; `null` when no package links another.
 */
function linkedPackageFolders(directory: string): string[] | null {
  let children: string[];
  try {
    children = readdirSync(directory, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')).map((entry) => entry.name);
  } catch {
    return null;
  }
  const packages = children.filter((child) => existsSync(path.join(directory, child, 'package.json')));
  const linked = new Set<string>();
  for (const child of packages) {
    const manifest = readJson(path.join(directory, child, 'package.json'));
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const dependencies = manifest?.[field];
      if (!dependencies || typeof dependencies !== 'object') continue;
      for (const version of Object.values(dependencies as Record<string, unknown>)) {
        const target = typeof version === 'string' ? LOCAL_DEPENDENCY.exec(version)?.[1] : undefined;
        if (!target) continue;
        const relative = path.relative(directory, path.resolve(directory, child, target));
        if (packages.includes(relative)) linked.add(child).add(relative);
      }
    }
  }
  return linked.size > 0 ? packages : null;
}

function findWorkspacePackages(root: string): Map<string, string> {
  const packages = new Map<string, string>();
  const globs = workspaceGlobs(root);
  if (!globs) return packages;
  try {
    const manifests = globSync(
      globs.map((glob) => `${glob.replace(/\/$/, '')}/package.json`),
      { cwd: root, absolute: true, ignore: ['**/node_modules/**'] },
    );
    for (const manifest of manifests.sort()) {
      const name = readJson(manifest)?.name;
      if (typeof name === 'string' && !packages.has(name)) packages.set(name, path.dirname(path.normalize(manifest)));
    }
  } catch {
    return packages;
  }
  return packages;
}

/** What marks a project's top when it has no package.json (a checkout of a server folder): its compiler config or VCS root. */
const ROOT_MARKERS = ['tsconfig.json', 'jsconfig.json', '.git'];

/**
 * The project a file belongs to: the nearest workspace root above it whose workspaces include it,
 * else its package root (nearest package.json), else the nearest folder with a tsconfig.json,
 * jsconfig.json or .git, else `null`.
 */
export function projectRootOf(file: string): string | null {
  const start = path.dirname(file);
  const known = roots.get(start);
  if (known !== undefined) return known;
  let packageRoot: string | null = null;
  let markedRoot: string | null = null;
  let root: string | null = null;
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (path.basename(directory) === 'node_modules') break;
    if (!markedRoot && ROOT_MARKERS.some((marker) => existsSync(path.join(directory, marker)))) markedRoot = directory;
    if (existsSync(path.join(directory, 'package.json'))) {
      packageRoot ??= directory;
      if (workspaceGlobs(directory)?.length) {
        root = directory;
        break;
      }
    }
    if (path.dirname(directory) === directory) break;
  }
  root ??= packageRoot ?? markedRoot;
  roots.set(start, root);
  return root;
}

const roots = new Map<string, string | null>();
