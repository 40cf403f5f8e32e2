/**
 * XML written straight into bytes. A worksheet of a million cells as one JavaScript
 * string (and its pieces until they are joined) costs several times the size of its
 * UTF-8 bytes; written here piece by piece, only the bytes are kept.
 */
const encoder = new TextEncoder();

export class XmlBytes {
  private buffer: Uint8Array;
  private length = 0;

  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Appends text as UTF-8 (the caller has escaped it for XML). */
  write(text: string): void {
    const n = text.length;
    if (this.length + 3 * n > this.buffer.length) this.grow(3 * n);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        // Past ASCII the platform's encoder does the rest (surrogate pairs included).
        at += encoder.encodeInto(i === 0 ? text : text.slice(i), buffer.subarray(at)).written;
        this.length = at;
        return;
      }
      buffer[at++] = code;
    }
    this.length = at;
  }

  /** The bytes written, in a buffer of their own size. */
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private grow(extra: number): void {
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}
