// @catchwise/reducer: per-namespace streaming aggregation in bounded memory.
export { NamespaceReducer } from './namespace-reducer.js';
export type {
  NamespaceReducerOptions,
  NamespaceReducerJSON,
  NamespaceRecord,
  ReducerSnapshot,
  SampleAccuracy,
  EventSampleOptions,
} from './namespace-reducer.js';
export { WindowedReducer } from './windowed-reducer.js';
export type { WindowedReducerOptions, ClosedWindow } from './windowed-reducer.js';
export { HyperLogLog } from './hyperloglog.js';
export type { Estimate, HyperLogLogOptions } from './hyperloglog.js';
export { CountMinSketch } from './count-min.js';
export type { CountMinOptions, FrequencyEstimate } from './count-min.js';
export { BottomKSample } from './bottom-k.js';
export type { BottomKJSON } from './bottom-k.js';
export { ReservoirSample } from './reservoir.js';
export type { ReservoirJSON } from './reservoir.js';
export { RecentSample } from './recent.js';
export type { RecentJSON } from './recent.js';
export { SpaceSavingIndex } from './space-saving.js';
export type { SpaceSavingEntry } from './space-saving.js';
export { hash64, hash64Hex, HASH_ID } from './hash.js';
export { CorruptBytesError } from './bytes.js';
export { InvalidEventError, OTHER_NAMESPACE, REJECT_REASONS } from './validate.js';
export type { MetadataEvent, RejectReason, RejectedCounts, FieldAccessor, FieldAccessors, InvalidHandler } from './validate.js';
export { formatEstimate, formatSnapshot } from './format.js';
export type { FormatSnapshotOptions } from './format.js';
