// The two realistic event streams of the reducer benchmarks (index.ts and breakdown.ts), built with
// one seeded generator in a fixed order so every script sees the same events.

export interface BenchEvent {
  namespace: string;
  content_type: string;
  workflow_id: string;
  size_bytes: number;
  timestamp: number;
}

export interface RealisticStreams {
  /** 1,000 tenants, Zipf-like (a tenant index is 1000 u^3): 10 busy ones with up to 200,000 workflow ids, a tail with 2,000; 40 content types. */
  zipf: BenchEvent[];
  /** 1,000 equally busy tenants in turn, 200 workflow ids and 5 content types each. */
  even: BenchEvent[];
}

/** Both streams of `nEvents` events, as plain objects (callers JSON round-trip them for flat strings). */
export function realisticStreams(nEvents: number): RealisticStreams {
  const types = Array.from({ length: 40 }, (_, i) => `application/x-type-${i}`);
  let state = 12345;
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const zipf: BenchEvent[] = [];
  for (let i = 0; i < nEvents; i++) {
    // Zipf-like namespaces: a few busy tenants, a long tail; workflow ids shared within a tenant
    const ns = Math.floor(1000 * rand() ** 3);
    zipf.push({
      namespace: `tenant-${ns}`,
      content_type: types[Math.floor(types.length * rand() ** 2)]!,
      workflow_id: `wf-${ns}-${Math.floor(rand() * (ns < 10 ? 200_000 : 2_000))}`,
      size_bytes: Math.floor(rand() * 1_000_000),
      timestamp: 1_760_000_000_000 + i * 10,
    });
  }
  const even: BenchEvent[] = [];
  for (let i = 0; i < nEvents; i++) {
    const ns = i % 1000;
    even.push({
      namespace: `tenant-${ns}`,
      content_type: types[i % 5]!,
      workflow_id: `wf-${ns}-${Math.floor(rand() * 200)}`,
      size_bytes: Math.floor(rand() * 1_000_000),
      timestamp: 1_760_000_000_000 + i * 10,
    });
  }
  return { zipf, even };
}
