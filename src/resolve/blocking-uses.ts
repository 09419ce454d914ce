import type { CatalogEntry } from '../catalog/types.js';
import type { TraceHit } from './trace.js';

/** One place where the program reaches a blocking API. */
export type BlockingUse = TraceHit<CatalogEntry>;

/** Blocking-API hits among all trace hits. */
export function blockingUses(hits: readonly TraceHit[]): BlockingUse[] {
  return hits.filter((hit): hit is BlockingUse => hit.payload.kind === 'blocking');
}
