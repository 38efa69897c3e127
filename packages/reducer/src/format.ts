/**
 * Plain-text rendering of estimates and snapshots, for logs and demos.
 * formatEstimate: "250 (exact)" or "98,630 ±1.6 % (95 %: 97,059..100,201)".
 * formatSnapshot: one line per namespace, busiest first, with error bars on the unique counts.
 */
import type { Estimate } from './hyperloglog.js';
import type { ReducerSnapshot } from './namespace-reducer.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatEstimate(estimate: Estimate): string {
  const value = integer.format(Math.round(estimate.value));
  if (estimate.exact) return `${value} (exact)`;
  const pct = (1.959963984540054 * estimate.rse * 100).toFixed(estimate.rse < 0.001 ? 2 : 1);
  return `${value} ±${pct} % (95 %: ${integer.format(Math.floor(estimate.lower95))}..${integer.format(Math.ceil(estimate.upper95))})`;
}

export interface FormatSnapshotOptions {
  /** Show at most this many namespaces (busiest first). Default: all. */
  top?: number;
}

export function formatSnapshot(snapshot: ReducerSnapshot<unknown>, options: FormatSnapshotOptions = {}): string {
  const records = Object.values(snapshot.namespaces).sort((a, b) => b.total_files - a.total_files || (a.namespace < b.namespace ? -1 : 1));
  const shown = records.slice(0, options.top ?? records.length);
  const lines = shown.map(
    (r) =>
      `${r.namespace}: ${integer.format(r.total_files)} files, ${integer.format(r.total_size_bytes)} bytes, ` +
      `file types ${formatEstimate(r.unique_file_types_estimate)}, workflows ${formatEstimate(r.unique_workflows_estimate)}` +
      (r.total_files_error > 0 ? ` (up to ${integer.format(r.total_files_error)} more files in __other__)` : ''),
  );
  if (shown.length < records.length) lines.push(`… ${records.length - shown.length} more namespaces`);
  const rejected = snapshot.rejected.total;
  lines.push(
    `${integer.format(snapshot.total_events)} events, ${integer.format(rejected)} rejected` +
      (rejected > 0 ? ` (${Object.entries(snapshot.rejected.by_reason).map(([k, n]) => `${k}: ${n}`).join(', ')})` : '') +
      `, ${integer.format(snapshot.evictions)} namespaces evicted into __other__`,
  );
  return lines.join('\n');
}
