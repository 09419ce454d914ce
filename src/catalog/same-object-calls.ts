/**
 * Calls that hand back the very object they are given, augmented: bluebird's
 * `Promise.promisifyAll(require('fs'))` (also `bluebird.promisifyAll(x)`, a bare `promisifyAll(x)`)
 * adds `readFileAsync` beside `readFileSync` and returns the same module object, so
 * `const fs = Promise.promisifyAll(require('fs')); fs.readFileSync(p)` is still the sync API.
 * Keyed by the called function's name (the method or the bare identifier).
 */
export const SAME_OBJECT_CALLS: ReadonlySet<string> = new Set(['promisifyAll']);
