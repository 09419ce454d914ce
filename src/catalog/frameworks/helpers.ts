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
