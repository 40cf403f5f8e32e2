import fc from "fast-check";
import { unzipSync } from "fflate";
import { crc32, openZip, writeZip, zipFromMap } from "./zip";

const text = (s: string) => new TextEncoder().encode(s);

describe("zip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    // every length modulo 8, against the bytewise definition
    const bytewise = (data: Uint8Array) => {
      let c = 0xffffffff;
      for (const b of data) {
        c ^= b;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (data) => expect(crc32(data)).toBe(bytewise(data))));
  });

  it("writes packages other readers open, and reads them back entry by entry", () => {
    const parts = new Map<string, string>([
      ["[Content_Types].xml", "<Types/>"],
      ["xl/worksheets/sheet1.xml", "<worksheet>" + "<row/>".repeat(1000) + "</worksheet>"],
      ["xl/media/bild å.png", "\u0089PNG"],
      ["empty.txt", ""],
    ]);
    const bytes = zipFromMap(parts);
    const theirs = unzipSync(bytes);
    expect(Object.keys(theirs)).toEqual([...parts.keys()]);
    const zip = openZip(bytes);
    expect(zip.entries.map((e) => e.name)).toEqual([...parts.keys()]);
    for (const [name, content] of parts) {
      expect(new TextDecoder().decode(theirs[name])).toBe(content);
      expect(new TextDecoder().decode(zip.read(name))).toBe(content);
    }
    expect(zip.entry("XL/Worksheets/Sheet1.xml")?.name).toBe("xl/worksheets/sheet1.xml");
  });

  it("is deterministic and copies stored entries without recompressing", () => {
    const parts = new Map([["a.xml", "<a>" + "x".repeat(500) + "</a>"], ["b.xml", "<b/>"]]);
    const first = zipFromMap(parts);
    expect(zipFromMap(parts)).toEqual(first);
    const zip = openZip(first);
    const copied = writeZip(zip.entries.map((entry) => ({ name: entry.name, copy: { entry, raw: zip.raw(entry.name) } })));
    expect(copied).toEqual(first);
  });
});
