/**
 * A weight budget for things that can be let go and rebuilt (file texts, parses, analyses): entries
 * are kept least recently used first, and when their total weight is over the budget the oldest are
 * let go — never the one just used. Several caches may share one budget.
 */
export class WeightBudget {
  private readonly entries = new Map<object, { weight: number; release: () => void }>();
  private weight = 0;
  private readonly budget: number;

  constructor(budget: number) {
    this.budget = budget;
  }

  /** `key` was just used, with this weight; `release` lets it go when the budget asks. */
  use(key: object, weight: number, release: () => void): void {
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.weight += weight - found.weight;
      found.weight = weight;
      this.entries.set(key, found);
    } else {
      this.entries.set(key, { weight, release });
      this.weight += weight;
    }
    for (const [oldest, entry] of this.entries) {
      if (this.weight <= this.budget || oldest === key) break;
      this.remove(oldest);
      entry.release();
    }
  }

  /** `key` was just read: it becomes the most recently used, at the same weight. */
  touch(key: object): void {
    const found = this.entries.get(key);
    if (!found) return;
    this.entries.delete(key);
    this.entries.set(key, found);
  }

  /** `key` is gone (let go, or replaced): it no longer counts. */
  remove(key: object): void {
    const found = this.entries.get(key);
    if (!found) return;
    this.entries.delete(key);
    this.weight -= found.weight;
  }
}
