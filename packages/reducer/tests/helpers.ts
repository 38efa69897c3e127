// Deterministic datasets for the accuracy grid and the reducer tests.
import { Mulberry32 } from '../src/random.js';

export type Dataset = 'uniform' | 'zipf' | 'all-duplicates' | 'adversarial-repeats';

/**
 * Calls `emit` for every value of a stream with `distinct` distinct values (for 'zipf', the number
 * of distinct values actually drawn is returned), values built as JSON.parse would give them.
 */
export function stream(dataset: Dataset, distinct: number, seed: number, emit: (value: string) => void): number {
  const prefix = `s${seed}-`;
  switch (dataset) {
    case 'uniform':
      for (let i = 0; i < distinct; i++) emit(prefix + i);
      return distinct;
    case 'all-duplicates':
      for (let i = 0; i < Math.max(distinct, 1000); i++) emit(prefix + 'same');
      return 1;
    case 'adversarial-repeats': {
      // every value repeated 1..4 times, interleaved forwards then backwards
      for (let i = 0; i < distinct; i++) for (let r = 0; r <= i % 4; r++) emit(prefix + i);
      for (let i = distinct - 1; i >= 0; i -= 3) emit(prefix + i);
      return distinct;
    }
    case 'zipf': {
      // 2 x distinct draws from a Zipf(1.1) law over 4 x distinct ranks; count what was drawn
      const rng = new Mulberry32(seed);
      const ranks = distinct * 4;
      const seen = new Uint8Array(ranks);
      let count = 0;
      const s = 1.1;
      // inverse-CDF approximation for a continuous power law on [1, ranks + 1)
      const a = 1 - s;
      const top = Math.pow(ranks + 1, a);
      for (let i = 0; i < distinct * 2; i++) {
        const u = rng.next();
        const rank = Math.min(ranks - 1, Math.floor(Math.pow(1 + u * (top - 1), 1 / a)) - 1);
        if (seen[rank] === 0) {
          seen[rank] = 1;
          count++;
        }
        emit(prefix + rank);
      }
      return count;
    }
  }
}

/** Events for the reducer tests. */
export function event(namespace: string, contentType: string, workflowId: string | number, size = 100, timestamp: number | string = 1_700_000_000_000) {
  return { namespace, content_type: contentType, workflow_id: workflowId, size_bytes: size, timestamp };
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/**
 * JS heap + ArrayBuffer backing stores (where typed arrays live) after two full collections
 * (requires --expose-gc, see vitest.config.ts).
 */
export function heapUsed(): number {
  globalThis.gc!();
  globalThis.gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
