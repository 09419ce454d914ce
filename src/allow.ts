import { displayPath } from './catalog/define.js';
import type { CatalogEntry } from './catalog/types.js';

/** An API to leave alone: an export path (`existsSync`), a qualified name (`fs.existsSync`), or `{ module, export }`. */
export type AllowItem = string | { readonly module: string; readonly export: string };

const bare = (module: string) => module.replace(/^node:/, '');

/** Whether `entry` is one of the allowed APIs (a rule's `allow` option or `settings['event-loop'].allow`). */
export function isAllowed(entry: CatalogEntry, allow: readonly AllowItem[]): boolean {
  if (allow.length === 0) return false;
  const path = displayPath(entry.path);
  return allow.some((item) => (typeof item === 'string' ? item === path || item === entry.api : item.export === path && bare(item.module) === bare(entry.module)));
}
