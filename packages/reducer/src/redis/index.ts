/**
 * `@catchwise/reducer/redis`: scale the reducer out over a Redis Streams consumer group.
 * Needs the optional peer dependency `redis` (node-redis 6.x); the core package does not.
 * Protocol and figures: docs/redis.md.
 */
export { runStreamWorker, decodeEntry } from './stream-worker.js';
export type {
  StreamWorkerOptions,
  StreamWorkerReport,
  StreamWorkerEvent,
  WindowOptions,
  ClaimOptions,
  ConsumerInfo,
  DeadLetterReason,
} from './stream-worker.js';
export { readSnapshot, readWindow, listClosedWindows, closeWindows } from './snapshot.js';
export type { ReadSnapshotOptions, GroupSnapshot, ConsumerProgress, ClosedWindow, CloseWindowsOptions } from './snapshot.js';
export { createWorkerClient, isTransient, backoffDelay } from './client.js';
export type { StreamClient, WorkerClientOptions, BackoffOptions } from './client.js';
export { protocolKeys, compareIds } from './keys.js';
export type { ProtocolKeys } from './keys.js';
export { decodePartial, encodePartial, CorruptPartialError } from './partial.js';
export type { PartialHeader, PartialWindow, DecodedPartial } from './partial.js';
