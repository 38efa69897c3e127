// A faithful TypeScript port of the seed's "bounded" reducer (NodeBridgeReducer.execute_reduction
// after the fix summarised in ../../shared/seed/fix-summary.md, Part 1), kept only to measure it.
// Its flaw: when the "seen" set grows past 2 x MAX_SAMPLES it is replaced by the (first-seen)
// sample, so every value evicted from "seen" is counted again the next time it appears.

export const MAX_SAMPLES = 100;

export interface SeedRecord {
  total_files: number;
  total_size_bytes: number;
  unique_file_types_count: number;
  file_types: Set<string>;
  unique_workflows_count: number;
  workflow_ids: Set<string>;
  _file_types_seen: Set<string>;
  _workflow_ids_seen: Set<string>;
}

export interface SeedEvent {
  namespace: string;
  content_type: string;
  workflow_id: string | number;
  size_bytes: number;
}

export class SeedReducer {
  readonly aggregated = new Map<string, SeedRecord>();

  add(event: SeedEvent): void {
    let ns = this.aggregated.get(event.namespace);
    if (ns === undefined) {
      ns = {
        total_files: 0,
        total_size_bytes: 0,
        unique_file_types_count: 0,
        file_types: new Set(),
        unique_workflows_count: 0,
        workflow_ids: new Set(),
        _file_types_seen: new Set(),
        _workflow_ids_seen: new Set(),
      };
      this.aggregated.set(event.namespace, ns);
    }
    ns.total_files += 1;
    ns.total_size_bytes += event.size_bytes;

    const contentType = event.content_type;
    if (!ns._file_types_seen.has(contentType)) {
      ns.unique_file_types_count += 1;
      ns._file_types_seen.add(contentType);
      if (ns.file_types.size < MAX_SAMPLES) ns.file_types.add(contentType);
      if (ns._file_types_seen.size > MAX_SAMPLES * 2) ns._file_types_seen = new Set(ns.file_types);
    }

    const workflowId = String(event.workflow_id);
    if (!ns._workflow_ids_seen.has(workflowId)) {
      ns.unique_workflows_count += 1;
      ns._workflow_ids_seen.add(workflowId);
      if (ns.workflow_ids.size < MAX_SAMPLES) ns.workflow_ids.add(workflowId);
      if (ns._workflow_ids_seen.size > MAX_SAMPLES * 2) ns._workflow_ids_seen = new Set(ns.workflow_ids);
    }
  }
}
