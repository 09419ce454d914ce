/** The families of blocking APIs; each family is reported by exactly one rule. */
export const FAMILIES = ['fs', 'child-process', 'http', 'busy-wait', 'crypto', 'zlib', 'database', 'transform'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * How to reach the non-blocking twin of a blocking API, and how to turn the
 * twin's awaited result back into what the sync call returned.
 */
export interface AsyncTwin {
  /** Module the twin is imported from when the call site uses a named binding (`node:fs/promises`). */
  readonly module: string;
  /** Export name of the twin in `module` (`readFile`). */
  readonly name: string;
  /**
   * Property path from the *original* module object to the twin (`['promises', 'readFile']`), used
   * when the call site is `fs.readFileSync(...)` so no import is needed. `null`: no such path.
   */
  readonly member: readonly string[] | null;
  /** The twin takes a Node-style callback: call it through `promisify()` from `node:util`. */
  readonly promisify: boolean;
  /**
   * Expression that yields the sync API's result, where `$` is the twin's call (a promise).
   * Default `await $`. Examples: `(await $).bytesRead`, `await $.then(() => true, () => false)`.
   */
  readonly template: string;
  /** Human-readable name of the replacement for messages and docs (`fs.promises.readFile`). */
  readonly label: string;
  /**
   * The twin is only reachable through the module object (execa 5's `execa.sync` -> `execa`, a
   * default export with no named twin): no import is added, no rewrite without a module object.
   */
  readonly memberOnly?: boolean;
}

/**
 * When a call of a traced function counts, judged from its arguments alone (data, not code, so
 * user settings can express it too). All given properties must hold.
 */
export interface CallCondition {
  /** The last argument is not a function (Node-style APIs run synchronously without a callback). */
  readonly withoutCallback?: boolean;
  /** Argument `index` is a constant string (or a template's leading text) matching `pattern`. */
  readonly argumentMatches?: {
    readonly index: number;
    readonly pattern: RegExp;
    /** Also a member read whose property name matches (`client.on(Events.ClientReady, fn)`: an enum of event names). */
    readonly members?: RegExp;
  };
  /** Argument `index` is exactly this literal value. */
  readonly argumentEquals?: { readonly index: number; readonly value: string | number | boolean | null };

  // --- crypto / zlib / database conditions ---
  /**
   * Argument `index` is not known to be a size of at most `max`: it is not a numeric constant
   * (literal, arithmetic, `const` of one) <= `max`, nor a buffer allocated with such a length
   * (`Buffer.alloc(16)`, `new Uint8Array(16)`). `randomBytes(16)` is cheap; `randomBytes(n)` may not be.
   */
  readonly argumentNotSmall?: { readonly index: number; readonly max: number };
  // --- child-process / http / busy-wait conditions -----------------------------------------
  /**
   * No object-literal argument sets property `name` to anything but a literal `false`
   * (shelljs `exec(cmd, { async: true })` runs asynchronously). A spread or a non-literal
   * options argument is not looked into: the call counts.
   */
  readonly withoutOption?: { readonly name: string };
  // --- end child-process / http / busy-wait conditions -------------------------------------

  // --- package conditions (archives, builders) ---
  /** At least this many arguments (`new AdmZip(path)` reads an archive; `new AdmZip()` makes an empty one). */
  readonly minArguments?: number;
  /**
   * What the call makes is not kept past the function making it (opened per call): it is not
   * assigned with `??=`/`||=`, nor to a member (`this.db = …`), nor to a variable declared outside
   * the enclosing function. A lazy singleton (`db ??= new Database(file)`) opens once.
   */
  readonly perCall?: boolean;
  /**
   * Some object-literal argument sets property `name` to the literal `value` (tar's `{ sync: true }`).
   * An options object bound to a `const` in the file is looked into.
   */
  readonly withOption?: { readonly name: string; readonly value: string | number | boolean };
  /**
   * Argument `index` is an object (a literal, or a `const` bound to one in the file) whose property
   * `property` is one of the string literals `equals` (`{ client: 'better-sqlite3' }`), a `new` of a
   * class named in `constructs` (`{ dialect: new SqliteDialect(…) }`, also through a `const`), or an
   * identifier named in `names` (`{ driver: BetterSqliteDriver }`). Without `property`, the argument
   * itself is matched (`low(new FileSync(file))`).
   */
  readonly argumentProperty?: {
    readonly index: number;
    readonly property?: string;
    readonly equals?: readonly string[];
    readonly constructs?: readonly string[];
    readonly names?: readonly string[];
  };
}

/** One blocking API: a path of properties from a module's exports, and what to use instead. */
export interface CatalogEntry {
  readonly kind: 'blocking';
  /** Canonical module specifier, without the `node:` prefix (`fs`, `fs-extra`). */
  readonly module: string;
  /** Property path from `module.exports` (`['readFileSync']`, `['realpathSync', 'native']`). */
  readonly path: readonly string[];
  readonly family: Family;
  /** Display name used in messages: `fs.readFileSync`. */
  readonly api: string;
  /** The async twin, or `null` when none keeps the result (then `advice` says what to do). */
  readonly twin: AsyncTwin | null;
  /** What to do when there is no twin, or a note added to the docs. */
  readonly advice: string | null;
  /** Only calls meeting this condition block (`randomBytes(n)` without a callback). */
  readonly when: CallCondition | undefined;
  /** A rewrite that is more than a swap to `twin` (a fix builder in src/fixes/), or `null`. */
  readonly rewrite: RewriteSpec | null;
  /** A user entry's own advice (settings `blockingApis[].message`): replaces the generated "use … instead." */
  readonly message?: string;
  /** The entry is `new` on the value at `path`, not a call of it (`new AdmZip(file)`). */
  readonly construct?: boolean;
}

// --- rewrites beyond a twin swap (child-process / http / busy-wait) ---------------------------

/** A read of a sync HTTP response and what it becomes on a `fetch` `Response`. */
export interface ResponseRead {
  /** Member read on the sync response (`json`, `getBody`, `statusCode`). */
  readonly member: string;
  /** The member is called (`res.json()`), not read (`res.statusCode`). */
  readonly call: boolean;
  /** For calls: the literal arguments this mapping needs (`['utf8']`); `[]` means no arguments. */
  readonly args?: readonly string[];
  /** What the awaited `Response` yields instead: a body read or a property. */
  readonly fetch: 'json' | 'text' | 'arrayBuffer' | 'blob' | 'buffer' | 'status' | 'statusText' | 'ok' | 'url';
}

export type Rewrite =
  /**
   * `execSync(cmd, o)` -> `(await promisify(exec)(cmd, o)).stdout`, only where the result keeps
   * its type: unused, read with `.toString()`, or an `encoding` option is given. `options` is the
   * index of the options argument (`execFileSync(file, args, o)`: 1 or 2, found from the call).
   */
  | { readonly kind: 'child-output'; readonly options: 'after-command' | 'after-args'; readonly twin: AsyncTwin }
  /**
   * A sync HTTP call -> `await fetch(url, init)`, plus the response read the code does
   * (`.json()` -> `await (await fetch(u)).json()`). `method`/`url`/`init` are argument indexes
   * (`method: null` when the API has no method argument); `init: 'request-options'` maps
   * sync-request's `{ headers, body }` options, `'fetch-init'` passes the init through.
   */
  | {
      readonly kind: 'fetch';
      readonly method: number | null;
      readonly url: number;
      readonly init: { readonly index: number; readonly shape: 'fetch-init' | 'request-options' };
      readonly reads: readonly ResponseRead[];
    }
  /** A blocking sleep -> `await setTimeout(ms)` from `node:timers/promises`; `argument` in `unit`. */
  | { readonly kind: 'sleep'; readonly argument: number; readonly unit: 's' | 'ms' | 'us' }
  /** `execSync('sleep 2')` -> `await setTimeout(2000)`, when the command is a constant `sleep N`. */
  | { readonly kind: 'sleep-command' }
  /**
   * `zip.writeZip(p)` -> `await zip.writeZipPromise(p)`: the same object's promise method, same
   * arguments and result; `arity`: only calls with at most that many arguments (callbacks differ).
   */
  | { readonly kind: 'method'; readonly name: string; readonly arity?: number }
  /**
   * `mkdirp.sync(dir)` -> `await mkdir(dir, { recursive: true })`: `module`'s `name` with the same
   * `arity` leading arguments plus `options` (source text); `resultUnused`: only as a statement.
   */
  | { readonly kind: 'options'; readonly module: string; readonly name: string; readonly arity: number; readonly options: string; readonly resultUnused: boolean }
  /** `tar.x({ sync: true, file })` -> `await tar.x({ file })`: drop `option`, needing `requires` in the same object. */
  | { readonly kind: 'drop-option'; readonly option: string; readonly requires: readonly string[] };

/** Where a rewrite's replacement comes from, for messages (`fetch`, `timers/promises.setTimeout`). */
export interface RewriteSpec {
  readonly rewrite: Rewrite;
  readonly label: string;
}

/** A clock whose readings a busy-wait loop compares against a deadline (`Date.now()`). */
export interface ClockSpec {
  /** The global the clock hangs off; the loop only counts when this global is not shadowed. */
  readonly global: 'Date' | 'performance' | 'process';
  /**
   * How the clock is read: `['now']` is `Date.now()`, `['hrtime', 'bigint']` `process.hrtime.bigint()`,
   * `['new()', 'getTime']` `new Date().getTime()`, `['new()']` a `new Date()` used as a number.
   */
  readonly path: readonly string[];
  /** Unit of a reading: milliseconds, nanoseconds as a bigint, or an `[s, ns]` pair (no rewrite). */
  readonly unit: 'ms' | 'ns-bigint' | 'hrtime';
  readonly api: string;
}
// --- end rewrites -------------------------------------------------------------------------------

/**
 * What the functions handed to a framework call are: request handlers (`app.get('/', fn)`),
 * start-up code (`app.listen(port, fn)`), plugins whose first parameter is an instance
 * (`fastify.register(fn)`), the method a decorator call sits on (`@Get()`), or a one-shot timer
 * callback that is a schedule only when it re-arms the function that sets it (`setTimeout(poll, ms)`
 * inside `poll`).
 */
export type HandlerRole = 'handler' | 'startup' | 'plugin' | 'decorated-method' | 'timer';

/** A framework call that registers functions (framework tables in `src/catalog/frameworks/`). */
export interface RegistrarPayload {
  readonly kind: 'registrar';
  /** Framework id (`express`, `fastify`, or a user registrar's module). */
  readonly framework: string;
  readonly role: HandlerRole;
  /** Words for messages: "Express route handler". */
  readonly label: string;
  /**
   * Property names of object arguments that hold handlers (`handler`, `preHandler` in Fastify's
   * `route({ … })`); function arguments always count.
   */
  readonly keys: readonly string[];
  /** Role `plugin`: the trace of the plugin's first parameter (the instance). */
  readonly instance: import('./define.js').TraceNode | null;
  /** Said in the make-async suggestion (Express 4 does not catch rejected promises…). */
  readonly asyncNote: string | null;
  readonly when: CallCondition | undefined;
  /** The function making the call creates or starts the server: start-up code. */
  readonly startsServer: boolean;
  /**
   * Where the registered functions are, as paths into the call's arguments (`0.resolvers.*.*`:
   * every field of every type of a GraphQL resolver map); `null`: every argument, through `keys`.
   */
  readonly select: readonly (readonly string[])[] | null;
  /** Parameters of the registered functions that receive framework values (`socket` in `io.on('connection', socket => …)`), by index. */
  readonly parameters: ReadonlyMap<number, import('./define.js').TraceNode>;
  /** The traced value is passed as an argument (`app.register(mercurius, opts)`): `select` applies to that call's arguments. */
  readonly passed: boolean;
  /** Only functions given directly (not wrapped in other calls) register. */
  readonly direct: boolean;
}

/**
 * A function of another file of the project, reached through its module's exports (the project
 * model, `src/project/`): calling it blocks when its summary says so, and its calls tell the
 * other file where it runs.
 */
export interface ProjectFunctionPayload {
  readonly kind: 'project-function';
  /** The file that declares it (absolute). */
  readonly file: string;
  /** Its export path (`save`, `default.save`, `Store.new().save`). */
  readonly key: string;
  readonly when: undefined;
  /** The name of a promise-returning export next to it that takes its arguments (`readConfigAsync`), if any. */
  twin(): string | null;
  /** Why calling it blocks, for the uses `filter` keeps; `null` when it does not. */
  blockingPath(filter: import('../analysis/function-summaries.js').UseFilter): import('../analysis/function-summaries.js').BlockingPath | null;
  /**
   * Whether running it reaches a blocking call, `async` functions included: an async export does
   * not block its caller's call, but its callers decide whether its body runs at start-up or while
   * serving.
   */
  runsBlocking(): boolean;
  /** Why running it blocks the event loop, async functions included, for the uses `filter` keeps; `null` when it does not. */
  runningPath(filter: import('../analysis/function-summaries.js').UseFilter): import('../analysis/function-summaries.js').BlockingPath | null;
}

/** What a call of a traced value means. Framework tables add their own payload kinds here. */
export type CallPayload = CatalogEntry | RegistrarPayload | ProjectFunctionPayload;

/** Data written in the family files; `define.ts` fills in defaults and builtin `node:` twins. */
export interface EntrySpec {
  /** Dotted path or segments; `()` is "what calling the previous segment returns", `new()` likewise for `new`. */
  readonly path: string | readonly string[];
  /** Display name when `module.path` reads badly (instance methods). */
  readonly api?: string;
  readonly when?: CallCondition;
  readonly twin?: Partial<AsyncTwin> & { readonly name: string } | null;
  readonly advice?: string;
  /** A rewrite built by a fix builder rather than a plain twin swap. */
  readonly rewrite?: RewriteSpec;
  /** Replaces the generated advice in messages (user entries from settings). */
  readonly message?: string;
  /** `new` on the value at `path` blocks (`new Database(file)` opens the file), not a call of it. */
  readonly construct?: boolean;
}

/** The value at `path` (ending in `()` or `new()`) is only made by calls that meet `when`. */
export interface ResultGuard {
  readonly path: string | readonly string[];
  readonly when: CallCondition;
}

/** The value at `path` is the value at `target` (`Database()` is `new Database()`; `stmt.pluck()` is `stmt`). */
export interface PathAlias {
  readonly path: string | readonly string[];
  readonly target: string | readonly string[];
}

export interface ModuleSpec {
  readonly module: string;
  readonly family: Family;
  /** True for Node builtins: `node:`-prefixed specifiers resolve to the same entries. */
  readonly builtin: boolean;
  /** `module` names a global object (`Atomics`), reached without any import. */
  readonly global?: boolean;
  readonly entries: readonly EntrySpec[];
  /** Paths that reach the same value as another path (chainable methods, calling a class without `new`). */
  readonly aliases?: readonly PathAlias[];
  /** Values only some calls make (a query builder on a sync driver). */
  readonly guards?: readonly ResultGuard[];
}
