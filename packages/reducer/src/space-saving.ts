/**
 * SpaceSavingIndex: the eviction order of the Space-Saving heavy-hitter algorithm (Metwally,
 * Agrawal, El Abbadi, "Efficient computation of frequent and top-k elements in data streams", 2005)
 * as an indexed binary min-heap over monitored entries.
 *
 * With at most `capacity` entries monitored, a new key evicts the entry with the smallest count c
 * and starts at count c + 1 with error c; so every count overestimates its key's frequency by at
 * most its error, and any key not monitored occurred at most `minCount()` times. Ties are broken by
 * name, so the evicted entry is a function of the (count, name) pairs alone.
 * The heap is lazy: counts only grow, so an increment touches nothing; each entry remembers the
 * count it was ordered by (`heapKey` <= count), and `pop`/`minCount` re-sift a root whose count
 * moved on until the root is current, which makes it the true minimum.
 * Memory: one array slot per monitored entry (the entries carry `heapPos` and `heapKey`).
 * Time: increment O(1); push O(log capacity); pop and minCount O(log capacity) amortised over the
 * increments since the entries were last ordered.
 */
export interface SpaceSavingEntry {
  name: string;
  /** Space-Saving count: events seen since monitored + the error inherited at admission. */
  count: number;
  heapPos: number;
  /** The count this entry is ordered by in the heap (managed by the index). */
  heapKey: number;
}

function less(a: SpaceSavingEntry, b: SpaceSavingEntry): boolean {
  return a.heapKey < b.heapKey || (a.heapKey === b.heapKey && a.name < b.name);
}

export class SpaceSavingIndex<T extends SpaceSavingEntry> {
  private readonly heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** The entry with the smallest (count, name): the one evicted next. */
  peek(): T | undefined {
    const heap = this.heap;
    for (;;) {
      const top = heap[0];
      if (top === undefined || top.heapKey === top.count) return top;
      top.heapKey = top.count;
      this.siftDown(0);
    }
  }

  minCount(): number {
    return this.peek()?.count ?? 0;
  }

  push(entry: T): void {
    entry.heapKey = entry.count;
    entry.heapPos = this.heap.length;
    this.heap.push(entry);
    this.siftUp(entry.heapPos);
  }

  /** Call after decreasing `entry.count` (increases need no call). */
  update(entry: T): void {
    entry.heapKey = entry.count;
    this.siftUp(entry.heapPos);
    this.siftDown(entry.heapPos);
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = this.peek();
    if (top === undefined) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      last.heapPos = 0;
      this.siftDown(0);
    }
    top.heapPos = -1;
    return top;
  }

  clear(): void {
    this.heap.length = 0;
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const entry = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!less(entry, p)) break;
      heap[i] = p;
      p.heapPos = i;
      i = parent;
    }
    heap[i] = entry;
    entry.heapPos = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const entry = heap[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && less(heap[r]!, heap[l]!) ? r : l;
      const child = heap[c]!;
      if (!less(child, entry)) break;
      heap[i] = child;
      child.heapPos = i;
      i = c;
    }
    heap[i] = entry;
    entry.heapPos = i;
  }
}
