// Wraps the catalog's blocking APIs in live module objects, walking the same trace tries the rules
// compile (src/catalog, handed over as a plan: plan.ts): a node's blocking payloads say which calls
// to time, its `callResult` / `constructResult` say whose methods to wrap next
// (`new Database().prepare().get()`).
import type { CallCondition } from '../catalog/index.js';
import type { PlanEntry, PlanNode } from './plan.js';

/** Times one blocking call; `caller` is the wrapper, so stack traces start at the code that called it. */
export interface Measurer {
  measure<T>(entry: PlanEntry, caller: Function, run: () => T): T;
}

type AnyFunction = (...args: unknown[]) => unknown;

const isObjectLike = (value: unknown): value is object => (typeof value === 'object' && value !== null) || typeof value === 'function';
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);

/**
 * Whether a call with these arguments meets a catalog condition, judged at run time. Conditions
 * about the code's shape (`perCall`, `argumentProperty`) hold: the call did happen.
 */
export function meetsCondition(when: CallCondition | undefined, args: readonly unknown[]): boolean {
  if (!when) return true;
  if (when.withoutCallback && typeof args.at(-1) === 'function') return false;
  if (when.argumentMatches) {
    const value = args[when.argumentMatches.index];
    if (typeof value !== 'string' || !when.argumentMatches.pattern.test(value)) return false;
  }
  if (when.argumentEquals && args[when.argumentEquals.index] !== when.argumentEquals.value) return false;
  if (when.argumentNotSmall) {
    const value = args[when.argumentNotSmall.index];
    const size = typeof value === 'number' ? value : ArrayBuffer.isView(value) ? value.byteLength : Number.POSITIVE_INFINITY;
    if (size <= when.argumentNotSmall.max) return false;
  }
  if (when.withoutOption && args.some((arg) => isPlainObject(arg) && when.withoutOption!.name in arg && arg[when.withoutOption!.name] !== false)) return false;
  if (when.minArguments !== undefined && args.length < when.minArguments) return false;
  if (when.withOption && !args.some((arg) => isPlainObject(arg) && arg[when.withOption!.name] === when.withOption!.value)) return false;
  return true;
}

/** The first blocking payload whose condition these arguments meet (conditioned payloads come first in the trie). */
function blockingEntry(payloads: readonly unknown[], args: readonly unknown[]): PlanEntry | null {
  for (const payload of payloads as readonly PlanEntry[]) {
    if (payload.kind === 'blocking' && meetsCondition(payload.when, args)) return payload;
  }
  return null;
}

const hasBlocking = (payloads: readonly unknown[]) => (payloads as readonly PlanEntry[]).some((payload) => payload.kind === 'blocking');

/** Own properties a wrapper must not copy from the function it wraps. */
const FUNCTION_OWN = new Set(['length', 'name', 'prototype', 'arguments', 'caller']);

export interface Instrumenter {
  /** Wraps the members of `target` that `node` lists, in place; returns the value to use instead of `target` (a wrapper when `node` itself is callable). */
  instrument(target: unknown, node: PlanNode): unknown;
}

export function createInstrumenter(measurer: Measurer): Instrumenter {
  const wrappers = new WeakSet<Function>();
  const wrapped = new WeakMap<Function, Map<PlanNode, Function>>();
  const visited = new WeakMap<object, Set<PlanNode>>();

  /** Marks (object, node) as done; false when it already was (tries are cyclic through aliases). */
  const firstVisit = (object: object, node: PlanNode): boolean => {
    let nodes = visited.get(object);
    if (!nodes) visited.set(object, (nodes = new Set()));
    if (nodes.has(node)) return false;
    nodes.add(node);
    return true;
  };

  /** The object on `value`'s prototype chain that owns `name` (methods live on prototypes). */
  function ownerOf(value: object, name: string): object | null {
    for (let current: object | null = value; current && current !== Object.prototype && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
      if (Object.prototype.hasOwnProperty.call(current, name)) return current;
    }
    return null;
  }

  function instrumentMembers(target: object, node: PlanNode): void {
    if (!firstVisit(target, node)) return;
    for (const [name, child] of node.children) {
      const owner = ownerOf(target, name);
      if (!owner) continue;
      const descriptor = Object.getOwnPropertyDescriptor(owner, name)!;
      if (descriptor.get) {
        // Bundled packages export getters (`Object.defineProperty(exports, 'x', { get })`).
        if (!descriptor.configurable) continue;
        const get = descriptor.get;
        Object.defineProperty(owner, name, { ...descriptor, get() { return instrument(get.call(this), child); } });
        continue;
      }
      const replacement = instrument(descriptor.value, child);
      if (replacement === descriptor.value) continue;
      if (descriptor.writable) (owner as Record<string, unknown>)[name] = replacement;
      else if (descriptor.configurable) Object.defineProperty(owner, name, { ...descriptor, value: replacement });
    }
    if (node.constructResult && typeof target === 'function' && isObjectLike(target.prototype)) instrumentMembers(target.prototype, node.constructResult);
  }

  /** What a call (or `new`) returned, instrumented with the node for that result. */
  function instrumentResult(result: unknown, node: PlanNode | null): unknown {
    if (!node || !isObjectLike(result)) return result;
    return instrument(result, node);
  }

  function wrapFunction(original: AnyFunction, node: PlanNode): Function {
    const memo = wrapped.get(original)?.get(node);
    if (memo) return memo;
    const { calls, constructs, callResult, constructResult } = node;
    const wrapper = function (this: unknown, ...args: unknown[]): unknown {
      if (new.target) {
        const entry = blockingEntry(constructs, args);
        const make = () => Reflect.construct(original, args, new.target);
        return instrumentResult(entry ? measurer.measure(entry, wrapper, make) : make(), constructResult);
      }
      const entry = blockingEntry(calls, args);
      const call = () => Reflect.apply(original, this, args);
      return instrumentResult(entry ? measurer.measure(entry, wrapper, call) : call(), callResult);
    };
    // Keep what code reads off the function: `.native`, statics, `prototype` for `instanceof`.
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(original))) {
      if (!FUNCTION_OWN.has(key)) Object.defineProperty(wrapper, key, descriptor);
    }
    wrapper.prototype = original.prototype;
    Object.defineProperty(wrapper, 'name', { value: original.name });
    Object.defineProperty(wrapper, 'length', { value: original.length });
    Object.setPrototypeOf(wrapper, Object.getPrototypeOf(original));
    wrappers.add(wrapper);
    if (!wrapped.has(original)) wrapped.set(original, new Map());
    wrapped.get(original)!.set(node, wrapper);
    return wrapper;
  }

  function instrument(target: unknown, node: PlanNode): unknown {
    if (!isObjectLike(target) || (typeof target === 'function' && wrappers.has(target))) return target;
    instrumentMembers(target, node);
    if (typeof target !== 'function') return target;
    const callable = hasBlocking(node.calls) || hasBlocking(node.constructs) || node.callResult !== null || node.constructResult !== null;
    return callable ? wrapFunction(target as AnyFunction, node) : target;
  }

  return { instrument };
}
