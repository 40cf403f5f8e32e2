import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runBalans } from "../core/engine";
import { readXlsx } from "../xlsx/readXlsx";
import { applyPlanToXlsx } from "../xlsx/writeXlsx";
import { crc32, openZip, writeZip, zipFromMap } from "../xlsx/zip";
import { nodeZipOptions } from "./nodeZip";

const SAMPLE = join(__dirname, "..", "..", "samples", "region-mittland-2024.xlsx");
const text = (s: string) => new TextEncoder().encode(s);

describe("Node's zlib in the package layer", () => {
  it("reads the sample into the same snapshot as the portable inflater", () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    expect(readXlsx(bytes, nodeZipOptions())).toEqual(readXlsx(bytes));
  });

  it("computes the same checksums and writes packages the reader opens", () => {
    const options = nodeZipOptions();
    const data = text("Budget månad;".repeat(500));
    expect(options.crc32?.(data)).toBe(crc32(data));
    const bytes = writeZip([{ name: "a.xml", data }, { name: "empty.txt", data: new Uint8Array(0) }], options);
    const zip = openZip(bytes);
    expect(zip.entry("a.xml")?.method).toBe(8);
    expect(new TextDecoder().decode(zip.read("a.xml"))).toBe(new TextDecoder().decode(data));
    expect(zip.read("empty.txt")).toHaveLength(0);
  });

  it("refuses an entry that inflates to more than it declares", () => {
    const bytes = zipFromMap(new Map([["a.xml", "<a>" + "x".repeat(5000) + "</a>"]]));
    // Declare a smaller size in the central directory (offset 24 of its record).
    const central = bytes.length - 22 - (46 + "a.xml".length);
    new DataView(bytes.buffer).setUint32(central + 24, 100, true);
    expect(() => openZip(bytes, nodeZipOptions()).read("a.xml")).toThrow(/skadad|damaged/);
  });

  it("writes a plan into the sample with the same cells as the portable deflater", () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const { plan } = runBalans(readXlsx(bytes), { language: "sv", today: { year: 2024, month: 11 } });
    const native = applyPlanToXlsx(bytes, plan, nodeZipOptions());
    expect(readXlsx(native)).toEqual(readXlsx(applyPlanToXlsx(bytes, plan)));
  });
});
