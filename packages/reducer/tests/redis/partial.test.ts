// The partial's byte format: round trip, and clear errors on foreign, truncated or corrupt bytes.
import { describe, expect, it } from 'vitest';
import { NamespaceReducer } from '../../src/namespace-reducer.js';
import { compareIds, CorruptPartialError, decodeEntry, decodePartial, encodePartial, type PartialHeader } from '../../src/redis/index.js';

const header: PartialHeader = {
  consumer: 'w1',
  lastId: '1700000000000-7',
  seq: 3,
  entries: 10,
  counted: 9,
  skipped: 0,
  deleted: 0,
  deadLettered: { bad_size_bytes: 1 },
  watermark: null,
  windows: [{ start: null, bytes: 0 }],
};

function sample(): Uint8Array {
  const reducer = new NamespaceReducer();
  reducer.add({ namespace: 'a', content_type: 'x', workflow_id: 'w', size_bytes: 3, timestamp: 1 });
  return reducer.toBytes();
}

describe('partial bytes', () => {
  it('round-trips the header and the reducer bytes exactly', () => {
    const state = sample();
    const bytes = encodePartial(header, [state]);
    const decoded = decodePartial('k', bytes);
    expect(decoded.header).toEqual({ ...header, windows: [{ start: null, bytes: state.length }] });
    expect(Buffer.from(decoded.states[0]!).equals(Buffer.from(state))).toBe(true);
    expect(NamespaceReducer.fromBytes(decoded.states[0]!).snapshot().total_events).toBe(1);
  });

  it('rejects foreign, truncated and corrupt bytes with a clear error', () => {
    const bytes = encodePartial(header, [sample()]);
    expect(() => decodePartial('k', Buffer.from('not a partial at all'))).toThrow(/not a partial/);
    expect(() => decodePartial('k', bytes.subarray(0, bytes.length - 9))).toThrow(CorruptPartialError);
    const flipped = Buffer.from(bytes);
    flipped[20] = flipped[20]! ^ 1;
    expect(() => decodePartial('k', flipped)).toThrow(/checksum mismatch/);
    const future = Buffer.from(bytes);
    future[4] = 9;
    expect(() => decodePartial('k', future)).toThrow(/unsupported version 9/);
  });
});

describe('entry ids and decoding', () => {
  it('compares ids numerically, not as text', () => {
    expect(compareIds('9-0', '10-0')).toBe(-1);
    expect(compareIds('10-2', '10-10')).toBe(-1);
    expect(compareIds('10-10', '10-10')).toBe(0);
    expect(compareIds('11-0', '10-99')).toBe(1);
  });

  it('decodes fields with numeric size and time, or the JSON of an `event` field', () => {
    expect(decodeEntry({ namespace: 'a', size_bytes: '12', timestamp: '2026-01-01T00:00:00Z' })).toEqual({ namespace: 'a', size_bytes: 12, timestamp: '2026-01-01T00:00:00Z' });
    expect(decodeEntry({ size_bytes: 'abc', timestamp: '1700000000000' })).toEqual({ size_bytes: 'abc', timestamp: 1_700_000_000_000 });
    expect(decodeEntry({ event: '{"namespace":"b","size_bytes":1}' })).toEqual({ namespace: 'b', size_bytes: 1 });
    expect(() => decodeEntry({ event: '{' })).toThrow(SyntaxError);
  });
});

describe('the subpath export', () => {
  it('resolves @catchwise/reducer/redis by name, as users import it (built dist)', async () => {
    const byName = await import('@catchwise/reducer/redis');
    expect(typeof byName.runStreamWorker).toBe('function');
    expect(typeof byName.readSnapshot).toBe('function');
    expect(typeof byName.createWorkerClient).toBe('function');
  });
});
