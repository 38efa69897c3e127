/**
 * ReservoirSample: a uniform sample of k items from a stream of unknown length (Li's Algorithm L,
 * "Reservoir-sampling algorithms of time complexity O(n(1 + log(N/n)))", 1994), seedable.
 *
 * Every item seen so far is in the sample with probability k / seen. Algorithm L draws the gap to
 * the next replaced item instead of a random number per item, so `offer` is a counter increment
 * and a comparison for almost every item; O(k (1 + log(N / k))) random numbers in total.
 * Memory: k item references + 4 B PRNG state + three numbers; the array grows to k, then never.
 * Time: offer O(1); merge O(k) (the share of each stream is drawn hypergeometrically, then a uniform
 * subsample of each side); values O(k).
 * Serialised as JSON: { k, seen, rng, w, next, items } (items must be JSON values).
 */
import { Mulberry32 } from './random.js';

export interface ReservoirJSON<T> {
  k: number;
  seen: number;
  rng: number;
  w: number;
  next: number;
  items: T[];
}

export class ReservoirSample<T> {
  readonly k: number;
  private items: T[] = [];
  private seenCount = 0;
  private readonly rng: Mulberry32;
  private w = 1;
  private nextIndex = 0;

  constructor(k: number, seed = 0) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`ReservoirSample: k must be a positive integer, got ${String(k)}`);
    if (!Number.isInteger(seed)) throw new RangeError(`ReservoirSample: seed must be an integer, got ${String(seed)}`);
    this.k = k;
    this.rng = new Mulberry32(seed);
  }

  /** Number of items offered so far. */
  get seen(): number {
    return this.seenCount;
  }

  get size(): number {
    return this.items.length;
  }

  offer(item: T): void {
    const seen = ++this.seenCount;
    if (seen <= this.k) {
      this.items.push(item);
      if (seen === this.k) {
        this.nextIndex = seen;
        this.drawGap();
      }
      return;
    }
    if (seen === this.nextIndex) {
      this.items[this.rng.below(this.k)] = item;
      this.drawGap();
    }
  }

  values(): T[] {
    return this.items.slice();
  }

  /** A uniform sample of both streams; never mutates `other`. */
  merge(other: ReservoirSample<T>): this {
    if (!(other instanceof ReservoirSample)) throw new TypeError('ReservoirSample.merge: argument is not a ReservoirSample');
    if (other.k !== this.k) throw new Error(`ReservoirSample.merge: incompatible samples (k ${this.k} vs ${other.k})`);
    if (other.seenCount === 0) return this;
    // How many of the union's sample come from each stream is hypergeometric (what a uniform
    // sample of the union would hold); a uniform subsample of a uniform sample is uniform.
    const a = this.items.slice();
    const b = other.items.slice();
    let remainingA = this.seenCount;
    let remainingB = other.seenCount;
    const out: T[] = [];
    while (out.length < this.k && (a.length > 0 || b.length > 0)) {
      const from = b.length === 0 || (a.length > 0 && this.rng.next() * (remainingA + remainingB) < remainingA) ? a : b;
      if (from === a) remainingA--;
      else remainingB--;
      const i = this.rng.below(from.length);
      out.push(from[i]!);
      from[i] = from[from.length - 1]!;
      from.pop();
    }
    this.items = out;
    this.seenCount += other.seenCount;
    if (this.seenCount >= this.k) {
      this.nextIndex = this.seenCount;
      this.drawGap();
    }
    return this;
  }

  clear(): void {
    this.items = [];
    this.seenCount = 0;
    this.w = 1;
    this.nextIndex = 0;
  }

  toJSON(): ReservoirJSON<T> {
    return { k: this.k, seen: this.seenCount, rng: this.rng.state >>> 0, w: this.w, next: this.nextIndex, items: this.items.slice() };
  }

  static fromJSON<T>(json: ReservoirJSON<T>): ReservoirSample<T> {
    if (json === null || typeof json !== 'object' || !Array.isArray(json.items) || !Number.isInteger(json.seen) || json.seen < json.items.length) {
      throw new Error('ReservoirSample.fromJSON: expected { k, seen, rng, w, next, items }');
    }
    const sample = new ReservoirSample<T>(json.k, json.rng | 0);
    if (json.items.length > json.k || (json.seen >= json.k && json.items.length !== json.k)) {
      throw new Error(`ReservoirSample.fromJSON: ${json.items.length} items for k = ${json.k} and ${json.seen} seen`);
    }
    sample.rng.state = json.rng | 0;
    sample.items = json.items.slice();
    sample.seenCount = json.seen;
    sample.w = json.w;
    sample.nextIndex = json.next;
    return sample;
  }

  private drawGap(): void {
    this.w *= Math.exp(Math.log(this.rng.next()) / this.k);
    this.nextIndex += Math.floor(Math.log(this.rng.next()) / Math.log(1 - this.w)) + 1;
  }
}
