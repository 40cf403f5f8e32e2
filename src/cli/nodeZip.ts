import * as zlib from "node:zlib";
import type { ZipOptions } from "../xlsx/zip";

/**
 * Node's zlib for the package layer: inflating, deflating and checksums in native code,
 * several times faster than the pure-JavaScript defaults the browser builds use.
 * `maxOutputLength` keeps a lying entry from growing past its declared size (the reader
 * then refuses it on size and checksum); one output chunk of the declared size saves a copy.
 * `zlib.crc32` came with Node 20.15; on older versions the reader's own is used.
 */
const LARGE_PART = 1 << 20;

export function nodeZipOptions(): ZipOptions {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return {
    inflateRaw: (data, size) => (size === 0 ? new Uint8Array(0) : zlib.inflateRawSync(data, { maxOutputLength: size, chunkSize: Math.max(64, size) })),
    // Large parts (a keys sheet of a million cells) at zlib's fast level: a sixth of the time at level 6, a few per cent larger.
    deflateRaw: (data) => zlib.deflateRawSync(data, { level: data.length > LARGE_PART ? 2 : 6 }),
    ...(crc32 ? { crc32: (data: Uint8Array) => crc32(data) } : {}),
  };
}
