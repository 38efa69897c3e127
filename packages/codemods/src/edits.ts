// Text edits: merged, checked for overlap, applied in one splice.
import type { TextEdit } from './types.js';

export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  const [a0, a1] = a.range;
  const [b0, b1] = b.range;
  if (a0 === a1 && b0 === b1) return false; // two insertions: both go in, in order
  if (a0 === a1) return a0 > b0 && a0 < b1;
  if (b0 === b1) return b0 > a0 && b0 < a1;
  return a0 < b1 && b0 < a1;
}

/** Applies non-overlapping edits (sorted by start; insertions at one point keep their order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((x, y) => x.edit.range[0] - y.edit.range[0] || x.edit.range[1] - y.edit.range[1] || x.index - y.index);
  let out = '';
  let cursor = 0;
  for (const { edit } of sorted) {
    if (edit.range[0] < cursor) throw new Error(`overlapping edits at offset ${edit.range[0]}`);
    out += text.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
  }
  return out + text.slice(cursor);
}

/** One edit turning `before` into `after` (common prefix and suffix left out). */
export function diffAsEdit(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return [{ range: [start, endBefore], text: after.slice(start, endAfter) }];
}
