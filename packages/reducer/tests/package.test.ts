// Imports the package by its name, through its `exports` map, as users do (needs `tsc -b` first;
// the root `test` script builds).
import { expect, test } from 'vitest';

test('@catchwise/reducer exports the public API from its entry point', async () => {
  const api = await import('@catchwise/reducer');
  for (const name of [
    'NamespaceReducer',
    'WindowedReducer',
    'HyperLogLog',
    'CountMinSketch',
    'BottomKSample',
    'ReservoirSample',
    'RecentSample',
    'SpaceSavingIndex',
    'hash64',
    'hash64Hex',
    'HASH_ID',
    'CorruptBytesError',
    'InvalidEventError',
    'OTHER_NAMESPACE',
    'REJECT_REASONS',
    'formatEstimate',
    'formatSnapshot',
  ]) {
    expect(api, name).toHaveProperty(name);
  }
  const r = new api.NamespaceReducer({ maxSamples: 5 });
  r.add({ namespace: 'ns', content_type: 'text/plain', workflow_id: 'wf', size_bytes: 1, timestamp: 0 });
  expect(r.snapshot().namespaces.ns!.unique_workflows_count).toBe(1);
});
