import type { CallCondition, HandlerRole } from '../types.js';

/** One kind of call on a framework value that receives functions. */
export interface RegistrarSpec {
  /** Default `handler`. */
  readonly role?: HandlerRole;
  /** Overrides the framework's `label` ("Fastify hook"). */
  readonly label?: string;
  /** Object-argument properties that hold handlers (`route({ handler, preHandler })`). */
  readonly keys?: readonly string[];
  /** Only calls meeting this condition register (`addHook('onRequest', fn)`). */
  readonly when?: CallCondition;
  /** Role `plugin`: the type (in `types`) of the plugin function's first parameter. */
  readonly instance?: string;
  /**
   * The call creates or starts the server (`http.createServer`, `app.listen`): the function that
   * makes it is start-up code, unless it is itself a handler.
   */
  readonly startsServer?: boolean;
  /**
   * Where the registered functions are, as dotted paths into the call's arguments: a number is an
   * argument, a name a property, `*` every property (or argument), `()` what a function returns
   * (`fields: () => ({…})`). Arrays, spreads, wrapper calls (`mergeResolvers([a, b])`) and
   * same-file variables are looked through at every step. Default: every argument, through `keys`.
   */
  readonly select?: readonly string[];
  /** Parameters of the registered functions that receive framework values, by index (`{ 0: 'socket' }`). */
  readonly parameters?: Readonly<Record<number, string>>;
  /**
   * The value registers when passed as an argument, not when called (`app.register(mercurius, opts)`):
   * `select` applies to the arguments of the call it is passed to.
   */
  readonly passed?: boolean;
  /** Only functions given directly count, not those inside other calls' arguments (`emit(ev, list.map(fn))`: no acknowledgement). */
  readonly direct?: boolean;
}

/**
 * The shape of a value reached from a framework module: what calling it registers, what a call
 * or `new` returns, and its members. A string names a shared type in `FrameworkSpec.types`, so
 * chains (`app.get(…).post(…)`) and instances met in several places share one description.
 */
export interface ValueSpec {
  readonly registers?: RegistrarSpec | readonly RegistrarSpec[];
  /** What `new` on the value registers (`new Worker('q', processor)`, `new CronJob(t, onTick)`). */
  readonly constructRegisters?: RegistrarSpec | readonly RegistrarSpec[];
  readonly returns?: string;
  readonly constructs?: string;
  readonly members?: Readonly<Record<string, ValueSpec | string>>;
}

/**
 * Type names exported by the framework's declarations that identify its values in annotations,
 * resolved through the file's imports (type-only imports included).
 */
export interface FrameworkTypeNames {
  /** `(app: Express) => …`: the parameter is an instance of the given type. */
  readonly instances?: Readonly<Record<string, string>>;
  /** `const routes: FastifyPluginAsync = async (fastify) => …`: a plugin; its first parameter is of the given type. */
  readonly plugins?: Readonly<Record<string, string>>;
  /** `const h: RequestHandler = (req, res) => …`: the function is a handler. */
  readonly handlers?: readonly string[];
  /**
   * `(req: Request, res: Response)`: a function whose first parameter has one of these types and
   * whose second has one of `responses` is a handler.
   */
  readonly requests?: readonly string[];
  readonly responses?: readonly string[];
  /** A function whose first parameter has one of these types is a handler (BullMQ's `(job: Job) => …`). */
  readonly firstParameters?: readonly string[];
  /**
   * A function with a parameter of one of these types runs outside the event loop's serving
   * process (BullMQ's `SandboxedJob`: a sandboxed processor file runs in a child process).
   */
  readonly sandboxed?: readonly string[];
}

/** A file-based convention: exports of files whose path matches are handlers (Next.js, Remix, Lambda). */
export interface ConventionSpec {
  /** Tested against the file path with `/` separators (relative to the working directory when `relative`). */
  readonly files?: RegExp;
  readonly relative?: boolean;
  /** Module specifiers or prefixes ending in `/` (`@remix-run/`) the file imports or requires. */
  readonly importsFrom?: readonly string[];
  /** With both `files` and `importsFrom`: `any` (default) or `all` of them must hold. */
  readonly match?: 'any' | 'all';
  /** Named exports that are handlers (`GET`, `loader`); `default` for the default export. */
  readonly handlers?: readonly string[];
  /** Named exports that only run at build or start-up (`getStaticProps`). */
  readonly startup?: readonly string[];
  /** "Remix/React Router {export}": `{export}` becomes the export's name. */
  readonly label: string;
  /** A handler with a parameter at this index takes a callback: a suggestion never makes it async. */
  readonly callbackParameter?: number;
}

export interface FrameworkSpec {
  /** Id used in payloads and docs (`express`). */
  readonly framework: string;
  /** "Express". */
  readonly name: string;
  /** Default handler label: "Express route handler". */
  readonly label: string;
  /** Note for the make-async suggestion, if making this framework's handlers async needs care. */
  readonly asyncNote?: string;
  /** Module specifiers (builtins without `node:`; `builtin` adds the prefix). */
  readonly modules: readonly string[];
  readonly builtin?: boolean;
  /** Names reached without an import (Nitro's auto-imported `defineEventHandler`). */
  readonly globals?: Readonly<Record<string, ValueSpec | string>>;
  /** The module object's shape (`express()` returns an app; `express.Router()` a router). */
  readonly exports?: ValueSpec;
  readonly types?: Readonly<Record<string, ValueSpec>>;
  readonly typeNames?: FrameworkTypeNames;
  readonly conventions?: readonly ConventionSpec[];
  /**
   * The default export (`export default`, `module.exports =`) of a function whose first parameter
   * has this name is a plugin of the given type (`module.exports = async function (fastify, opts)`,
   * the fastify-autoload convention): start-up code whose parameter is followed as an instance.
   */
  readonly pluginParameters?: Readonly<Record<string, string>>;
  /**
   * Exported plugin objects (Hapi: `exports.plugin = { name, register(server) {…} }`): the function
   * at `key` of an export named in `exports` (`default` for `export default`/`module.exports =`,
   * `*` for any export; also `{ plugin: { register } }` objects) is start-up code whose first parameter is an instance
   * of `type`, when that parameter is named `parameter` or the file imports the framework.
   */
  readonly pluginObjects?: { readonly exports: readonly string[]; readonly key: string; readonly parameter: string; readonly type: string };
  /** Class methods with these names, in a file importing the framework, run at start-up (`onModuleInit`). */
  readonly startupMethods?: readonly string[];
}
