/** The families of blocking APIs; each family is reported by exactly one rule. */
export const FAMILIES = ['fs', 'child-process', 'http', 'busy-wait', 'crypto', 'zlib', 'database'] as const;
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
}

/**
 * When a call of a traced function counts, judged from its arguments alone (data, not code, so
 * user settings can express it too). All given properties must hold.
 */
export interface CallCondition {
  /** The last argument is not a function (Node-style APIs run synchronously without a callback). */
  readonly withoutCallback?: boolean;
  /** Argument `index` is a constant string (or a template's leading text) matching `pattern`. */
  readonly argumentMatches?: { readonly index: number; readonly pattern: RegExp };
  /** Argument `index` is exactly this literal value. */
  readonly argumentEquals?: { readonly index: number; readonly value: string | number | boolean | null };
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
}

/**
 * What the functions handed to a framework call are: request handlers (`app.get('/', fn)`),
 * start-up code (`app.listen(port, fn)`), plugins whose first parameter is an instance
 * (`fastify.register(fn)`), or the method a decorator call sits on (`@Get()`).
 */
export type HandlerRole = 'handler' | 'startup' | 'plugin' | 'decorated-method';

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
}

/** What a call of a traced value means. Framework tables add their own payload kinds here. */
export type CallPayload = CatalogEntry | RegistrarPayload;

/** Data written in the family files; `define.ts` fills in defaults and builtin `node:` twins. */
export interface EntrySpec {
  /** Dotted path or segments; `()` is "what calling the previous segment returns", `new()` likewise for `new`. */
  readonly path: string | readonly string[];
  /** Display name when `module.path` reads badly (instance methods). */
  readonly api?: string;
  readonly when?: CallCondition;
  readonly twin?: Partial<AsyncTwin> & { readonly name: string } | null;
  readonly advice?: string;
}

export interface ModuleSpec {
  readonly module: string;
  readonly family: Family;
  /** True for Node builtins: `node:`-prefixed specifiers resolve to the same entries. */
  readonly builtin: boolean;
  /** `module` names a global object (`Atomics`), reached without any import. */
  readonly global?: boolean;
  readonly entries: readonly EntrySpec[];
}
