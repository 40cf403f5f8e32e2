import { deflateSync, inflateSync } from "fflate";
import { xlsxError } from "./errors";

/**
 * The zip layer of an OPC package. We read the central directory ourselves so that each
 * entry is inflated only when asked for (a workbook with 600 000 rows is never inflated
 * all at once), so that declared sizes can be checked before any inflating (zip bombs),
 * and so that unchanged entries can be copied into a new package without recompressing.
 */

export interface ZipLimits {
  /** Refuse when the declared uncompressed sizes add up to more than this. */
  readonly maxTotalBytes: number;
  /** An entry is a suspected bomb when it inflates more than `maxRatio` times … */
  readonly maxRatio: number;
  /** … and is larger than this. */
  readonly ratioMinBytes: number;
  readonly maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxRatio: 200,
  ratioMinBytes: 100 * 1024 ** 2,
  maxEntries: 65535,
};

/**
 * Inflates raw deflate data of a known size. fflate (pure JavaScript, runs anywhere) is
 * the default; a host with a native one may pass it in: on large workbooks inflating is a
 * third of the reading time, and Node's zlib is about three times faster. In Node:
 *
 *   (data, size) => size === 0 ? new Uint8Array(0)
 *     : zlib.inflateRawSync(data, { maxOutputLength: size, chunkSize: Math.max(64, size) })
 *
 * (`maxOutputLength` keeps a lying entry from growing; one chunk saves a copy.)
 */
export type InflateRaw = (compressed: Uint8Array, size: number, out?: Uint8Array) => Uint8Array;

/** fflate inflating into `out` (exactly `size` long) when given, so a caller can reuse one buffer. */
export const inflateWithFflate: InflateRaw = (compressed, size, out) => (size === 0 ? new Uint8Array(0) : inflateSync(compressed, { out: out ?? new Uint8Array(size) }));

/** Raw deflate of new content (no zlib header). fflate at level 6 is the default. */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;

export interface ZipOptions {
  readonly limits?: ZipLimits;
  readonly inflateRaw?: InflateRaw;
  /**
   * A native deflater and CRC-32 for hosts that have them (Node's zlib): on a large
   * workbook the checksums of what is read and the deflating of what is written are
   * most of the package's cost, and native code does both several times faster.
   */
  readonly deflateRaw?: DeflateRaw;
  readonly crc32?: (data: Uint8Array) => number;
}

const deflateWithFflate: DeflateRaw = (data) => deflateSync(data, { level: 6 });

export interface ZipEntry {
  /** The name as stored (OPC part name without the leading `/`). */
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the compressed data in the archive. */
  readonly dataOffset: number;
}

/** A read-only view of a zip archive; entries are inflated on demand. */
export interface ZipReader {
  readonly entries: readonly ZipEntry[];
  /** Case-insensitive, as OPC part names are. */
  entry(name: string): ZipEntry | undefined;
  /**
   * The inflated bytes of an entry; throws `corrupt` on a bad checksum. With `scratch`
   * (at least the entry's size) the bytes may be a view of it, valid until its next use:
   * reading one large sheet after another then does not allocate a buffer for each.
   */
  read(name: string, scratch?: Uint8Array): Uint8Array;
  /** The compressed bytes as stored, for copying an entry unchanged. */
  raw(name: string): Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  // Sizes past 2^53 are far beyond any limit we accept, so a double is exact enough.
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

export function normaliseName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && u32(bytes, at) === SIG_END) {
      // The comment must reach exactly to the end; otherwise it is a stray signature.
      if (at + 22 + u16(bytes, at + 20) === bytes.length) return at;
    }
  }
  for (let at = last; at >= first; at--) if (u32(bytes, at) === SIG_END) return at;
  return -1;
}

export function openZip(bytes: Uint8Array, options: ZipOptions = {}): ZipReader {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  const inflate = options.inflateRaw ?? inflateWithFflate;
  const checksum = options.crc32 ?? crc32;
  if (bytes.length < 22) {
    throw bytes.length >= 4 && u32(bytes, 0) === SIG_LOCAL ? xlsxError("corrupt", truncated) : xlsxError("not-a-zip");
  }
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) {
    // A file that starts like a zip but has no directory was cut short.
    throw u32(bytes, 0) === SIG_LOCAL ? xlsxError("corrupt", truncated) : xlsxError("not-a-zip");
  }
  let count = u16(bytes, end + 10);
  let directorySize = u32(bytes, end + 12);
  let directoryOffset = u32(bytes, end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator >= 0 && u32(bytes, locator) === SIG_END64_LOCATOR) {
      const end64 = u64(bytes, locator + 8);
      if (end64 + 56 > bytes.length || u32(bytes, end64) !== SIG_END64) throw xlsxError("corrupt", truncated);
      count = u64(bytes, end64 + 32);
      directorySize = u64(bytes, end64 + 40);
      directoryOffset = u64(bytes, end64 + 48);
    }
  }
  if (count > limits.maxEntries) throw xlsxError("too-large");
  if (directoryOffset + directorySize > bytes.length) throw xlsxError("corrupt", truncated);

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== SIG_CENTRAL) throw xlsxError("corrupt", truncated);
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc32 = u32(bytes, at + 16);
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localOffset = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(nameBytes);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extra field: the 64-bit values appear in this order, only for fields that overflowed.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = u16(bytes, extra);
        const length = u16(bytes, extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (size === 0xffffffff) {
            size = u64(bytes, field);
            field += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, field);
            field += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(bytes, field);
          break;
        }
        extra += 4 + length;
      }
    }
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw xlsxError("encrypted");
    if (name.endsWith("/")) continue; // a directory entry: not a part
    total += size;
    if (total > limits.maxTotalBytes) throw xlsxError("too-large");
    if (size > limits.ratioMinBytes && size > limits.maxRatio * Math.max(compressedSize, 1)) throw xlsxError("too-large");
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== SIG_LOCAL) throw xlsxError("corrupt", truncated);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) throw xlsxError("corrupt", truncated);
    if (method !== 0 && method !== 8) throw xlsxError("corrupt", { sv: `Okänd komprimering (${method}).`, en: `Unknown compression (${method}).` });
    const entry: ZipEntry = { name, method, crc32, compressedSize, size, dataOffset };
    const key = normaliseName(name);
    if (!byName.has(key)) {
      byName.set(key, entry);
      entries.push(entry);
    }
  }

  const find = (name: string): ZipEntry => {
    const entry = byName.get(normaliseName(name));
    if (!entry) throw xlsxError("corrupt", { sv: `Delen ${name} saknas.`, en: `Part ${name} is missing.` });
    return entry;
  };

  return {
    entries,
    entry: (name) => byName.get(normaliseName(name)),
    raw: (name) => {
      const entry = find(name);
      return bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    },
    read: (name, scratch) => {
      const entry = find(name);
      const stored = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
      let data: Uint8Array;
      if (entry.method === 0) {
        data = stored;
      } else {
        // Inflating into a buffer of the declared size means a lying entry cannot grow
        // past it; the size and checksum below then catch the lie.
        try {
          data = inflate(stored, entry.size, scratch && scratch.length >= entry.size ? scratch.subarray(0, entry.size) : undefined);
        } catch (error) {
          throw xlsxError("corrupt", { sv: `Delen ${entry.name} är skadad.`, en: `Part ${entry.name} is damaged.` }, error);
        }
      }
      if (data.length !== entry.size || checksum(data) >>> 0 !== entry.crc32) {
        throw xlsxError("corrupt", { sv: `Delen ${entry.name} är skadad.`, en: `Part ${entry.name} is damaged.` });
      }
      return data;
    },
  };
}

const truncated = { sv: "Den verkar avklippt.", en: "It seems to be cut short." };

let crcTables: Uint32Array[] | undefined;

/** Slice-by-8 tables: eight bytes per step, several times faster than one. */
function makeCrcTables(): Uint32Array[] {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[0][n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let t = 1; t < 8; t++) tables[t][n] = (tables[t - 1][n] >>> 8) ^ tables[0][tables[t - 1][n] & 0xff];
  }
  return tables;
}

export function crc32(data: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = (crcTables ??= makeCrcTables());
  let c = 0xffffffff;
  let i = 0;
  const whole = data.length - (data.length % 8);
  for (; i < whole; i += 8) {
    const a = (c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24))) >>> 0;
    c =
      t7[a & 0xff] ^
      t6[(a >>> 8) & 0xff] ^
      t5[(a >>> 16) & 0xff] ^
      t4[a >>> 24] ^
      t3[data[i + 4]] ^
      t2[data[i + 5]] ^
      t1[data[i + 6]] ^
      t0[data[i + 7]];
  }
  for (; i < data.length; i++) c = t0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An entry of a package to write: new content, or an entry copied as stored. */
export type ZipOutputEntry =
  | { readonly name: string; readonly data: Uint8Array }
  | { readonly name: string; readonly copy: { readonly entry: ZipEntry; readonly raw: Uint8Array } };

// 1980-01-01 00:00: a fixed time stamp, so the same entries always give the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Writes entries in the given order. Every entry gets the same fixed time stamp and
 * no extra fields; new content is deflated (level 6), copies keep their compressed bytes.
 */
export function writeZip(entries: readonly ZipOutputEntry[], options: ZipOptions = {}): Uint8Array {
  if (entries.length > 0xffff) throw xlsxError("too-large");
  const deflate = options.deflateRaw ?? deflateWithFflate;
  const checksum = options.crc32 ?? crc32;
  const encoder = new TextEncoder();
  const prepared = entries.map((entry) => {
    const nameBytes = encoder.encode(entry.name);
    const utf8 = /[^\x20-\x7e]/.test(entry.name);
    if ("copy" in entry) {
      const { entry: source, raw } = entry.copy;
      return { nameBytes, utf8, method: source.method, crc: source.crc32, size: source.size, body: raw };
    }
    const body = entry.data.length === 0 ? entry.data : deflate(entry.data);
    const stored = body.length >= entry.data.length;
    return {
      nameBytes,
      utf8,
      method: stored ? 0 : 8,
      crc: checksum(entry.data) >>> 0,
      size: entry.data.length,
      body: stored ? entry.data : body,
    };
  });

  let localSize = 0;
  let centralSize = 0;
  for (const p of prepared) {
    localSize += 30 + p.nameBytes.length + p.body.length;
    centralSize += 46 + p.nameBytes.length;
  }
  if (localSize + centralSize + 22 > 0xffffffff) throw xlsxError("too-large");
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, SIG_LOCAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, p.utf8 ? 0x800 : 0, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, DOS_TIME, true);
    view.setUint16(at + 12, DOS_DATE, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.body.length, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.nameBytes.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.nameBytes, at + 30);
    out.set(p.body, at + 30 + p.nameBytes.length);
    at += 30 + p.nameBytes.length + p.body.length;
  }
  const directoryOffset = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, SIG_CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, p.utf8 ? 0x800 : 0, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.body.length, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.nameBytes.length, true);
    // extra, comment, disk, internal and external attributes: all zero
    view.setUint32(at + 42, offsets[i], true);
    out.set(p.nameBytes, at + 46);
    at += 46 + p.nameBytes.length;
  });
  view.setUint32(at, SIG_END, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - directoryOffset, true);
  view.setUint32(at + 16, directoryOffset, true);
  return out;
}

/** Convenience for building packages from text and bytes (tests, new workbooks). */
export function zipFromMap(parts: ReadonlyMap<string, Uint8Array | string>): Uint8Array {
  const encoder = new TextEncoder();
  return writeZip([...parts].map(([name, content]) => ({ name, data: typeof content === "string" ? encoder.encode(content) : content })));
}
