import type { RegistrarSpec, ValueSpec } from './types.js';

/** `{ get: { registers, returns }, post: … }` for methods that register handlers and return `returns` (chaining). */
export function registrarMethods(
  names: readonly string[],
  returns: string | undefined,
  registers: RegistrarSpec | readonly RegistrarSpec[] = {},
): Record<string, ValueSpec> {
  return Object.fromEntries(names.map((name) => [name, returns === undefined ? { registers } : { registers, returns }]));
}

/** Methods whose function arguments run at start-up (`listen` callbacks, `ready`). */
export function startupMethods(names: readonly string[], returns?: string): Record<string, ValueSpec> {
  return registrarMethods(names, returns, { role: 'startup' });
}

/** `listen`: its callbacks run at start-up, and so does the function that calls it. */
export function listenMethod(returns?: string): Record<string, ValueSpec> {
  return registrarMethods(['listen'], returns, { role: 'startup', startsServer: true });
}

/** Anchored alternation for `argumentMatches` conditions. */
export function oneOf(values: readonly string[]): RegExp {
  return new RegExp(`^(?:${values.join('|')})$`);
}

/** The methods of Node's `EventEmitter` that add a listener. */
export const LISTENER_METHODS = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'] as const;

export interface ListenerOptions {
  /** Words for messages ("socket.io event handler"). */
  readonly label: string;
  /** Events whose listeners run at start-up (`listening`, `ready`); the function waiting for them is start-up code. */
  readonly startup?: readonly string[];
  /** Events that say nothing about when the listener runs (it inherits the context where it is added). */
  readonly ignore?: readonly string[];
  /** `once` listeners of these events run at start-up too (`once('connect')` at boot). */
  readonly startupOnce?: readonly string[];
  /** Per-event labels and parameter types (`connection` → the socket). */
  readonly events?: Readonly<Record<string, Pick<RegistrarSpec, 'label' | 'parameters'>>>;
  /** What the methods return (chaining); default: nothing followed. */
  readonly returns?: string;
  /** Parameters of every listener that receive framework values. */
  readonly parameters?: Readonly<Record<number, string>>;
  /** Event names by the members of the library's enum of them (`Events.ClientReady` → `ready`). */
  readonly eventMembers?: Readonly<Record<string, string>>;
}

/**
 * `on`/`once`/`addListener`/… of a long-lived emitter: every listener serves work, except start-up
 * lifecycle events (role `startup`) and events listed in `ignore` (no registration at all).
 */
export function listenerMethods(options: ListenerOptions, methods: readonly string[] = LISTENER_METHODS): Record<string, ValueSpec> {
  const { label, startup = [], ignore = [], startupOnce = [], events = {}, returns, parameters, eventMembers = {} } = options;
  // `on('ready', fn)` or `on(Events.ClientReady, fn)`.
  const eventIs = (names: readonly string[]) => {
    const members = Object.keys(eventMembers).filter((member) => names.includes(eventMembers[member]!));
    return { argumentMatches: { index: 0, pattern: oneOf(names), ...(members.length > 0 ? { members: oneOf(members) } : {}) } };
  };
  const result: Record<string, ValueSpec> = {};
  for (const method of methods) {
    const once = method === 'once' || method === 'prependOnceListener';
    const startupEvents = once ? [...startup, ...startupOnce] : startup;
    const registers: RegistrarSpec[] = [];
    if (startupEvents.length > 0) registers.push({ role: 'startup', startsServer: true, when: eventIs(startupEvents) });
    for (const [event, spec] of Object.entries(events)) {
      if (!startupEvents.includes(event)) registers.push({ label, ...spec, when: eventIs([event]) });
    }
    const skipped = [...ignore.filter((event) => !startupEvents.includes(event))];
    // An ignored event matches a registrar that registers nothing (no `select` path reaches an argument).
    if (skipped.length > 0) registers.push({ role: 'startup', select: [], when: eventIs(skipped) });
    registers.push({ label, ...(parameters ? { parameters } : {}), select: ['*'] });
    result[method] = returns === undefined ? { registers } : { registers, returns };
  }
  return result;
}
