import { describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { NamespaceReducer, WindowedReducer, type ClosedWindow, type MetadataEvent, type WindowedReducerOptions } from '../src/index.js';
import { event } from './helpers.js';

function collect(options: Omit<WindowedReducerOptions, 'onWindowClose'>) {
  const closed: ClosedWindow[] = [];
  const w = new WindowedReducer<MetadataEvent>({ maxSamples: 4, precision: 8, maxNamespaces: 50, ...options, onWindowClose: (win) => closed.push(win) });
  return { w, closed };
}

describe('WindowedReducer', () => {
  test('tumbling windows close when the watermark passes end + grace, in order, once', () => {
    const { w, closed } = collect({ size: 1000, outOfOrderness: 100, grace: 50 });
    w.add(event('a', 'x', 1, 1, 10));
    w.add(event('a', 'x', 2, 1, 999));
    w.add(event('a', 'x', 3, 1, 1100)); // watermark 1000: window [0, 1000) needs 1050
    expect(closed).toHaveLength(0);
    w.add(event('a', 'x', 4, 1, 1150)); // watermark 1050: closes [0, 1000)
    expect(closed.map((c) => [c.start, c.end, c.snapshot.total_events])).toEqual([[0, 1000, 2]]);
    expect(w.openWindows()).toEqual([1000]);
    w.add(event('a', 'x', 5, 1, 500)); // late: its only window has closed
    expect(w.rejected).toEqual({ total: 1, by_reason: { late: 1 } });
    w.flush();
    expect(closed.map((c) => [c.start, c.snapshot.total_events])).toEqual([
      [0, 2],
      [1000, 2],
    ]);
    expect(closed[1]!.snapshot.namespaces.a!.unique_workflows_count).toBe(2);
  });

  test('out-of-order events within the allowed lateness land in their window', () => {
    const { w, closed } = collect({ size: 100, outOfOrderness: 300 });
    for (const t of [5, 250, 120, 30, 399, 210, 60]) w.add(event('a', 'x', t, 1, t));
    w.flush();
    expect(closed.map((c) => [c.start, c.snapshot.total_events])).toEqual([
      [0, 3],
      [100, 1],
      [200, 2],
      [300, 1],
    ]);
    expect(w.rejected.total).toBe(0);
  });

  test('late events are counted and reported to onInvalid, even in strict mode, never thrown', () => {
    const onInvalid = vi.fn();
    const w = new WindowedReducer({ size: 10, strict: true, onInvalid, maxNamespaces: 5 });
    w.add(event('a', 'x', 1, 1, 100));
    expect(w.add(event('a', 'x', 1, 1, 5))).toBe(false);
    expect(onInvalid).toHaveBeenCalledWith('late', expect.anything(), expect.stringMatching(/windows closed/));
    expect(() => w.add({ namespace: 'a' } as MetadataEvent)).toThrow(/content_type is missing/);
  });

  test('hopping windows: every event is in size / hop windows', () => {
    const { w, closed } = collect({ size: 300, hop: 100 });
    for (let t = 0; t < 1000; t += 10) w.add(event('a', 'x', t, 1, t));
    w.flush();
    const counted = closed.reduce((s, c) => s + c.snapshot.total_events, 0);
    expect(counted).toBe(100 * 3);
    const full = closed.find((c) => c.start === 300)!;
    expect(full.snapshot.total_events).toBe(30);
    expect(full.snapshot.namespaces.a!.first_seen).toBe(new Date(300).toISOString());
  });

  test('hopping: an event late for some of its windows goes to the open ones and is counted as partially late', () => {
    const { w, closed } = collect({ size: 200, hop: 100 });
    w.add(event('a', 'x', 1, 1, 50)); // windows [-100, 100) and [0, 200)
    w.add(event('a', 'x', 2, 1, 250)); // watermark 250 closes the windows ending at or before 250
    expect(closed.map((c) => c.start)).toEqual([-100, 0]);
    w.add(event('a', 'x', 3, 1, 150)); // windows [0, 200) closed, [100, 300) open
    expect(w.partiallyLate).toBe(1);
    expect(w.rejected.total).toBe(0);
    w.flush();
    expect(closed.find((c) => c.start === 100)!.snapshot.total_events).toBe(2);
  });

  test('tumbling windows partition the stream: every accepted event is in exactly one window, the rest are late or rejected', () => {
    const events = fc.array(
      fc.record({
        namespace: fc.constantFrom('a', 'b', 'c'),
        t: fc.integer({ min: 0, max: 5000 }),
        bad: fc.nat(9).map((n) => n === 0),
      }),
      { maxLength: 300 },
    );
    fc.assert(
      fc.property(events, fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 200 }), (evs, size, lateness, grace) => {
        // Three namespaces: the bound then stays far below memoryLimit for the smallest windows (up to 602 open).
        const { w, closed } = collect({ size, outOfOrderness: lateness, grace, maxNamespaces: 3 });
        evs.forEach((e, i) => w.add(e.bad ? ({ namespace: e.namespace } as MetadataEvent) : event(e.namespace, 'x', i, 1, e.t)));
        w.flush();
        const inWindows = closed.reduce((s, c) => s + c.snapshot.total_events, 0);
        expect(inWindows).toBe(w.totalEvents);
        expect(inWindows + w.rejected.total).toBe(evs.length);
        // windows are disjoint and each event lies inside its window
        for (const c of closed) {
          for (const rec of Object.values(c.snapshot.namespaces)) {
            expect(Date.parse(rec.first_seen!)).toBeGreaterThanOrEqual(c.start);
            expect(Date.parse(rec.last_seen!)).toBeLessThan(c.end);
          }
        }
        const starts = closed.map((c) => c.start);
        expect(new Set(starts).size).toBe(starts.length);
        expect([...starts].sort((x, y) => x - y)).toEqual(starts);
        expect(closed.length).toBe(w.closedWindows);
      }),
      { numRuns: 80 },
    );
  });

  test('never holds more than maxOpenWindows() windows', () => {
    const { w } = collect({ size: 100, hop: 50, outOfOrderness: 120, grace: 30 });
    let most = 0;
    for (let i = 0; i < 3000; i++) {
      w.add(event('a', 'x', i, 1, i * 3 + ((i * 7919) % 200)));
      most = Math.max(most, w.openWindows().length);
    }
    expect(most).toBeLessThanOrEqual(w.maxOpenWindows());
    expect(w.maxOpenWindows()).toBe(Math.floor((120 + 30 + 100) / 50) + 1);
  });

  test('memoryBound() is computed and checked at construction', () => {
    const w = new WindowedReducer({ size: 60_000, maxNamespaces: 100 });
    expect(w.maxOpenWindows()).toBe(2);
    expect(w.memoryBound()).toBe(2 * new NamespaceReducer({ maxNamespaces: 100 }).memoryBound());
    expect(w.memoryBound()).toBeGreaterThan(2 * 101 * 12_288);
    expect(() => new WindowedReducer({ size: 1000, outOfOrderness: 3_600_000, maxNamespaces: 10_000 })).toThrow(/memory bound .* exceeds memoryLimit/);
    expect(() => new WindowedReducer({ size: 1000, maxNamespaces: Infinity })).toThrow(/maxNamespaces must be finite/);
    expect(() => new WindowedReducer({ size: 1000, hop: 300 })).toThrow(/hop must be a positive integer that divides size/);
  });

  test('advanceTo closes idle windows', () => {
    const { w, closed } = collect({ size: 10 });
    w.add(event('a', 'x', 1, 1, 3));
    w.advanceTo(10);
    expect(closed).toHaveLength(1);
    expect(w.watermark).toBe(10);
  });
});
