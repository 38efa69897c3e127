/**
 * Byte helpers shared by the serialisers: CRC-32 (IEEE 802.3, the zlib/PNG polynomial) to detect
 * corrupt or truncated input, and a `CorruptBytesError` that names the structure and the problem.
 *
 * Memory: one 1 KiB lookup table, built once at module load.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of `bytes[start, end)`. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Thrown by every `fromBytes`/`fromJSON` on input that is not a valid serialised state. */
export class CorruptBytesError extends Error {
  override readonly name = 'CorruptBytesError';
  constructor(structure: string, problem: string) {
    super(`${structure}.fromBytes: ${problem}`);
  }
}

/** Reads 4 ASCII bytes as a string (for magic numbers). */
export function readMagic(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!);
}

export function writeMagic(bytes: Uint8Array, offset: number, magic: string): void {
  for (let i = 0; i < 4; i++) bytes[offset + i] = magic.charCodeAt(i);
}

/** Checks magic, minimum length and the trailing CRC-32; returns a DataView over `bytes`. */
export function openEnvelope(structure: string, magic: string, bytes: Uint8Array, minLength: number): DataView {
  if (!(bytes instanceof Uint8Array)) throw new CorruptBytesError(structure, 'expected a Uint8Array');
  if (bytes.length < minLength) {
    throw new CorruptBytesError(structure, `truncated input: ${bytes.length} bytes, at least ${minLength} needed`);
  }
  const found = readMagic(bytes, 0);
  if (found !== magic) {
    throw new CorruptBytesError(structure, `not a ${structure} (magic ${JSON.stringify(found)}, expected ${JSON.stringify(magic)})`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stored = view.getUint32(bytes.length - 4, true);
  const actual = crc32(bytes, 0, bytes.length - 4);
  if (stored !== actual) {
    throw new CorruptBytesError(structure, `checksum mismatch (stored ${stored.toString(16)}, computed ${actual.toString(16)}): the bytes are corrupt or truncated`);
  }
  return view;
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function fromBase64(text: string): Uint8Array {
  const buf = Buffer.from(text, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
