/**
 * RecentSample: the k most recent items, in a ring buffer.
 *
 * Memory: one array of k item references, allocated once. Time: offer O(1), values O(k),
 * merge O(k log k) (both samples ordered by `timeOf`, the k latest kept; without `timeOf` the
 * argument counts as the more recent stream). Serialised as JSON: { k, seen, items } (oldest first).
 */
export interface RecentJSON<T> {
  k: number;
  seen: number;
  items: T[];
}

export class RecentSample<T> {
  readonly k: number;
  private readonly ring: (T | undefined)[];
  private head = 0;
  private seenCount = 0;

  constructor(k: number) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`RecentSample: k must be a positive integer, got ${String(k)}`);
    this.k = k;
    this.ring = new Array<T | undefined>(k).fill(undefined);
  }

  get seen(): number {
    return this.seenCount;
  }

  get size(): number {
    return Math.min(this.seenCount, this.k);
  }

  offer(item: T): void {
    this.ring[this.head] = item;
    this.head = this.head + 1 === this.k ? 0 : this.head + 1;
    this.seenCount++;
  }

  /** Items oldest first. */
  values(): T[] {
    const n = this.size;
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(this.ring[(this.head - n + i + this.k) % this.k] as T);
    return out;
  }

  merge(other: RecentSample<T>, timeOf?: (item: T) => number): this {
    if (!(other instanceof RecentSample)) throw new TypeError('RecentSample.merge: argument is not a RecentSample');
    if (other.k !== this.k) throw new Error(`RecentSample.merge: incompatible samples (k ${this.k} vs ${other.k})`);
    const all = this.values().concat(other.values());
    if (timeOf) {
      const keyed = all.map((item, i) => ({ item, t: timeOf(item), i }));
      keyed.sort((x, y) => x.t - y.t || x.i - y.i);
      all.splice(0, all.length, ...keyed.map((x) => x.item));
    }
    const seen = this.seenCount + other.seenCount;
    this.clear();
    for (const item of all.slice(-this.k)) this.offer(item);
    this.seenCount = seen;
    return this;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.head = 0;
    this.seenCount = 0;
  }

  toJSON(): RecentJSON<T> {
    return { k: this.k, seen: this.seenCount, items: this.values() };
  }

  static fromJSON<T>(json: RecentJSON<T>): RecentSample<T> {
    if (json === null || typeof json !== 'object' || !Array.isArray(json.items) || !Number.isInteger(json.seen)) {
      throw new Error('RecentSample.fromJSON: expected { k, seen, items }');
    }
    const sample = new RecentSample<T>(json.k);
    if (json.items.length > json.k || json.items.length !== Math.min(json.seen, json.k)) {
      throw new Error(`RecentSample.fromJSON: ${json.items.length} items for k = ${json.k} and ${json.seen} seen`);
    }
    for (const item of json.items) sample.offer(item);
    sample.seenCount = json.seen;
    return sample;
  }
}
