/**
 * Key names of the stream-worker protocol. Every key of one consumer group lives under one prefix
 * (default `catchwise:<group>`); on Redis Cluster give the prefix and the stream the same hash tag
 * (`{events}` and `catchwise:{events}:g1`) so each checkpoint's MULTI stays on one slot.
 */

export interface ProtocolKeys {
  prefix: string;
  /** Hash: consumer -> JSON `ConsumerInfo` (updated with every checkpoint). */
  consumers: string;
  /** Per consumer: a counter bumped in the same MULTI as every XCLAIM of its entries; its checkpoint WATCHes it. */
  fence(consumer: string): string;
  /** Sorted set of closed windows (score = window start), written with each merged window. */
  closed: string;
  /** Stream of events that were not counted, with their reason. */
  deadLetter: string;
  partial(consumer: string): string;
  window(start: number): string;
}

export function protocolKeys(group: string, keyPrefix?: string, deadLetterStream?: string): ProtocolKeys {
  if (typeof group !== 'string' || group.length === 0) throw new TypeError('catchwise/redis: group must be a non-empty string');
  const prefix = keyPrefix ?? `catchwise:${group}`;
  return {
    prefix,
    consumers: `${prefix}:consumers`,
    fence: (consumer) => `${prefix}:fence:${consumer}`,
    closed: `${prefix}:closed`,
    deadLetter: deadLetterStream ?? `${prefix}:dead-letter`,
    partial: (consumer) => `${prefix}:partial:${consumer}`,
    window: (start) => `${prefix}:window:${start}`,
  };
}

/** Compares two stream entry ids (`<ms>-<seq>`) numerically: -1, 0 or 1. */
export function compareIds(a: string, b: string): number {
  const da = a.indexOf('-');
  const db = b.indexOf('-');
  const msA = Number(da < 0 ? a : a.slice(0, da));
  const msB = Number(db < 0 ? b : b.slice(0, db));
  if (msA !== msB) return msA < msB ? -1 : 1;
  // Sequence numbers beyond 2^53 would need BigInt; XADD with '*' never produces them.
  const sA = da < 0 ? 0 : Number(a.slice(da + 1));
  const sB = db < 0 ? 0 : Number(b.slice(db + 1));
  return sA === sB ? 0 : sA < sB ? -1 : 1;
}
