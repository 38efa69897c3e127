/**
 * Mulberry32: a seedable 32-bit PRNG (one uint32 of state) for the reservoir sample.
 * Not cryptographic. Memory: 4 B. Period 2^32. `next()` returns a float in the open interval
 * (0, 1), so `Math.log(next())` is always finite.
 */
export class Mulberry32 {
  state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}
