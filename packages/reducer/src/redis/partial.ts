/**
 * Partial: one stream worker's checkpointed state, or one merged window, as bytes.
 *
 * A partial holds the `NamespaceReducer` bytes of every window the worker has open (one unnamed
 * state when not windowed) and a header saying exactly which entries they cover: the highest
 * stream entry id counted (`lastId`), the number of entries, the dead letters by reason, the
 * worker's event-time watermark and its checkpoint sequence number.
 *
 * Byte layout (little-endian), version 1:
 *   0 "CWRP"  4 u8 version  5 3 zero bytes  8 u32 header length H  12 UTF-8 JSON header (H bytes)
 *   12+H  the reducers' bytes, back to back, lengths in `header.windows[i].bytes`
 *   end-4 u32 CRC-32 (zlib) of every preceding byte
 * Memory: the sum of the reducers' bytes plus a header of a few hundred bytes.
 */
import { crc32 } from 'node:zlib';

export const PARTIAL_MAGIC = 'CWRP';
export const PARTIAL_VERSION = 1;

/** Thrown on bytes that are not a partial of this version, or are truncated or corrupt. */
export class CorruptPartialError extends Error {
  override readonly name = 'CorruptPartialError';
  constructor(key: string, problem: string) {
    super(`catchwise/redis: partial ${JSON.stringify(key)} is unreadable: ${problem}`);
  }
}

export interface PartialWindow {
  /** Window start (epoch ms), or null for the single state of a worker that is not windowed. */
  start: number | null;
  bytes: number;
}

export interface PartialHeader {
  /** The worker (consumer) whose state this is; '' for a merged window. */
  consumer: string;
  /** Highest stream entry id counted in this state ('0-0' when none). */
  lastId: string;
  /** Checkpoints written by this worker so far (1 for the first). */
  seq: number;
  /** Stream entries covered: counted, dead-lettered or skipped. */
  entries: number;
  /** Entries the reducer accepted. */
  counted: number;
  /** Entries at or below the checkpointed id delivered again (after a group rewind): not counted twice. */
  skipped: number;
  /** Pending entries whose data had been deleted from the stream (XAUTOCLAIM / XREADGROUP nil). */
  deleted: number;
  /** Entries written to the dead-letter stream, by reason. */
  deadLettered: Record<string, number>;
  /** Event-time watermark (max event time - allowed lateness) or null (not windowed / no event). */
  watermark: number | null;
  windows: PartialWindow[];
  /** For a merged window: the checkpoint `seq` of each consumer whose partial it includes. */
  contributions?: Record<string, number>;
}

export interface DecodedPartial {
  header: PartialHeader;
  /** Reducer bytes, one per `header.windows` entry (views into the input). */
  states: Uint8Array[];
}

export function emptyHeader(consumer: string): PartialHeader {
  return { consumer, lastId: '0-0', seq: 0, entries: 0, counted: 0, skipped: 0, deleted: 0, deadLettered: {}, watermark: null, windows: [] };
}

export function encodePartial(header: PartialHeader, states: readonly Uint8Array[]): Buffer {
  if (header.windows.length !== states.length) throw new Error('encodePartial: one state per window expected');
  const windows = header.windows.map((w, i) => ({ start: w.start, bytes: states[i]!.length }));
  const head = Buffer.from(JSON.stringify({ ...header, windows }), 'utf8');
  let total = 12 + head.length + 4;
  for (const s of states) total += s.length;
  const out = Buffer.allocUnsafe(total);
  out.write(PARTIAL_MAGIC, 0, 'latin1');
  out[4] = PARTIAL_VERSION;
  out[5] = 0;
  out[6] = 0;
  out[7] = 0;
  out.writeUInt32LE(head.length, 8);
  head.copy(out, 12);
  let offset = 12 + head.length;
  for (const s of states) {
    out.set(s, offset);
    offset += s.length;
  }
  out.writeUInt32LE(crc32(out.subarray(0, offset)), offset);
  return out;
}

export function decodePartial(key: string, bytes: Uint8Array): DecodedPartial {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 16) throw new CorruptPartialError(key, `truncated: ${buf.length} bytes`);
  const magic = buf.toString('latin1', 0, 4);
  if (magic !== PARTIAL_MAGIC) throw new CorruptPartialError(key, `not a partial (magic ${JSON.stringify(magic)})`);
  if (buf[4] !== PARTIAL_VERSION) throw new CorruptPartialError(key, `unsupported version ${buf[4]} (this build reads ${PARTIAL_VERSION})`);
  const stored = buf.readUInt32LE(buf.length - 4);
  const actual = crc32(buf.subarray(0, buf.length - 4));
  if (stored !== actual) throw new CorruptPartialError(key, 'checksum mismatch (corrupt or truncated)');
  const headLength = buf.readUInt32LE(8);
  if (12 + headLength > buf.length - 4) throw new CorruptPartialError(key, 'header length exceeds the data');
  let header: PartialHeader;
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + headLength)) as PartialHeader;
  } catch (error) {
    throw new CorruptPartialError(key, `header is not JSON (${(error as Error).message})`);
  }
  if (header === null || typeof header !== 'object' || !Array.isArray(header.windows) || typeof header.lastId !== 'string') {
    throw new CorruptPartialError(key, 'header fields missing');
  }
  const states: Uint8Array[] = [];
  let offset = 12 + headLength;
  for (const w of header.windows) {
    if (!Number.isInteger(w.bytes) || w.bytes < 0 || offset + w.bytes > buf.length - 4) throw new CorruptPartialError(key, 'window lengths exceed the data');
    states.push(new Uint8Array(buf.buffer, buf.byteOffset + offset, w.bytes));
    offset += w.bytes;
  }
  if (offset !== buf.length - 4) throw new CorruptPartialError(key, `${buf.length - 4 - offset} trailing bytes`);
  return { header, states };
}
