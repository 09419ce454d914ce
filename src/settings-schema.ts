// The public shape of `settings['event-loop']`: a TypeScript type for typed configs
// (`eslint.config.ts`) and a JSON schema for editors and config validators. Both stand alone (no
// imports), so the published types need nothing but this file. tests/settings-schema.test.ts checks
// that the schema accepts what the plugin's own validation accepts, and refuses what it refuses.

/** The catalog families, one per direct rule. */
export type EventLoopFamily = 'fs' | 'child-process' | 'http' | 'busy-wait' | 'crypto' | 'zlib' | 'database';

/** `settings['event-loop']`. Every key is optional. */
export interface EventLoopSettings {
  /** Extra blocking APIs, with the replacement to suggest. */
  blockingApis?: Array<{
    /** Module specifier (`legacy-config`, `node:fs`). */
    module: string;
    /** Dotted export path (`loadSync`, `sync.read`); omitted: the module's own value. */
    export?: string;
    /** A method of what the export makes: `new X().method()` (`'new'`) or `x().method()` (`'call'`). */
    instance?: 'new' | 'call';
    /** Dotted method path on the instance; needed with `instance`. */
    method?: string;
    /** Which rule reports the call. */
    family: EventLoopFamily;
    /** The async replacement: an import to rewrite to, or a text for the message only. */
    replacement?: string | { module: string; export: string; promisify?: boolean };
    /** Replaces the advice after "blocks the event loop …;". */
    message?: string;
  }>;
  /** APIs no rule reports: an export path, a qualified name (`fs.existsSync`), or `{ module, export }`. */
  allow?: Array<string | { module: string; export: string }>;
  /** Your offload helper, `offload(module, exportName, ...args)`, for the worker-pool suggestion. */
  workerPool?: {
    /** A package name or subpath import (`#lib/offload`), not a file path. */
    module: string;
    /** Its export: an identifier (`offload`), or `default`. */
    export: string;
  } | null;
  /** Globs (picomatch) of worker task modules, relative to the project; a `!` pattern excludes. */
  workerFiles?: string[];
  /** Your own framework's route registration methods. */
  routeRegistrars?: Array<{
    module: string;
    methods: string[];
    instance?: 'module' | 'call' | 'new';
    export?: string;
    label?: string;
  }>;
  /** `'auto'`: use the TypeScript program when the parser has one (`recommendedTypeChecked`). Default `'off'`. */
  typeAware?: 'off' | 'auto';
  /** With `typeAware`, summarise functions declared under `node_modules` too. Default `false`. */
  followNodeModules?: boolean;
  /** A trace file written by `event-loop-lint trace --json <file>` (relative to the working directory): measured figures in messages, measured serving code reported. */
  trace?: string | null;
}

const NAME = { type: 'string', minLength: 1 } as const;
/** What an import can be written with: no quotes, backslashes, line breaks, or surrounding spaces. */
const SPECIFIER = { type: 'string', minLength: 1, pattern: '^(?!\\s)[^\'"`\\\\\\u0000-\\u001f\\u007f\\u2028\\u2029]*(?<!\\s)$' } as const;
const DOTTED = { type: 'string', pattern: '^[^.]+(?:\\.[^.]+)*$' } as const;
const RESERVED =
  'break|case|catch|class|const|continue|debugger|delete|do|else|enum|export|extends|false|finally|for|function|if|import|in|instanceof|new|null|' +
  'return|super|switch|this|throw|true|try|typeof|var|void|while|with|yield|let|static|implements|interface|package|private|protected|public|await|eval|arguments';
/** One identifier that is not a reserved word, or `default`. */
const BINDING = { type: 'string', pattern: `^(?:default|(?!(?:${RESERVED})$)[A-Za-z_$][\\w$]*)$` } as const;

/** JSON schema (draft-07) of `settings['event-loop']`; also shipped as `settings.schema.json`. */
export const SETTINGS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: "eslint-plugin-event-loop settings (settings['event-loop'])",
  type: 'object',
  additionalProperties: false,
  properties: {
    blockingApis: {
      description: 'Extra blocking APIs, with the replacement to suggest.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['module', 'family'],
        properties: {
          module: NAME,
          export: DOTTED,
          instance: { enum: ['new', 'call'] },
          method: DOTTED,
          family: { enum: ['fs', 'child-process', 'http', 'busy-wait', 'crypto', 'zlib', 'database'] },
          replacement: {
            anyOf: [
              NAME,
              {
                type: 'object',
                additionalProperties: false,
                required: ['module', 'export'],
                properties: { module: SPECIFIER, export: BINDING, promisify: { type: 'boolean' } },
              },
            ],
          },
          message: NAME,
        },
        allOf: [
          { if: { required: ['instance'] }, then: { required: ['method'], properties: { replacement: NAME } } },
          { if: { required: ['method'] }, then: { required: ['instance'] } },
        ],
      },
    },
    allow: {
      description: 'APIs no rule reports: an export path, a qualified name, or { module, export }.',
      type: 'array',
      items: {
        anyOf: [NAME, { type: 'object', additionalProperties: false, required: ['module', 'export'], properties: { module: NAME, export: DOTTED } }],
      },
    },
    workerPool: {
      description: 'Your offload helper, offload(module, exportName, ...args), for the worker-pool suggestion.',
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['module', 'export'],
          properties: { module: { allOf: [SPECIFIER, { not: { pattern: '^(?:\\.{1,2}(?:/|$)|/|file:)' } }] }, export: BINDING },
        },
      ],
    },
    workerFiles: { description: 'Globs (picomatch) of worker task modules; a ! pattern excludes.', type: 'array', items: NAME },
    routeRegistrars: {
      description: "Your own framework's route registration methods.",
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['module', 'methods'],
        properties: {
          module: NAME,
          methods: { type: 'array', minItems: 1, items: NAME },
          instance: { enum: ['module', 'call', 'new'] },
          export: NAME,
          label: NAME,
        },
      },
    },
    typeAware: { description: "'auto': use the TypeScript program when the parser has one.", enum: ['off', 'auto'] },
    followNodeModules: { description: 'With typeAware, summarise functions declared under node_modules too.', type: 'boolean' },
    trace: {
      description: 'A trace file written by `event-loop-lint trace --json <file>`, relative to the working directory: findings get the measured figures, and calls the trace saw while serving are reported.',
      anyOf: [NAME, { type: 'null' }],
    },
  },
} as const;
