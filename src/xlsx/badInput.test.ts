import fc from "fast-check";
import { inflateRawSync } from "node:zlib";
import { XlsxError, type XlsxErrorCode } from "./errors";
import { excelJsBytes, handPackage, worksheetXml } from "./__tests__/packages";
import { readXlsx } from "./readXlsx";
import { DEFAULT_ZIP_LIMITS, openZip, writeZip, zipFromMap } from "./zip";

function codeOf(work: () => unknown): XlsxErrorCode | "no error" {
  try {
    work();
  } catch (error) {
    if (error instanceof XlsxError) return error.code;
    throw error; // anything else fails the test
  }
  return "no error";
}

function caught(work: () => unknown): XlsxError {
  try {
    work();
  } catch (error) {
    if (error instanceof XlsxError) return error;
  }
  throw new Error("expected an XlsxError");
}

const small = handPackage({ sheets: [{ name: "A", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` }] });

/** Patches the 32-bit little-endian field at `offset` of every central directory record. */
function patchCentral(bytes: Uint8Array, field: number, value: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + field, value, true);
  }
  return out;
}

describe("bad input gives a typed XlsxError and nothing else", () => {
  it("an empty file is not a zip", () => {
    expect(codeOf(() => readXlsx(new Uint8Array(0)))).toBe("not-a-zip");
  });

  it("a text file is not a zip", () => {
    expect(codeOf(() => readXlsx(new TextEncoder().encode("Konto;Belopp\n6810;100\n")))).toBe("not-a-zip");
  });

  it("random bytes never throw anything but an XlsxError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(codeOf(() => readXlsx(bytes))).not.toBe("no error");
      }),
      { numRuns: 200 },
    );
  });

  it("a damaged workbook either reads or fails with an XlsxError", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(small.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const damaged = small.slice();
        for (const [at, byte] of edits) damaged[at] = byte;
        codeOf(() => readXlsx(damaged)); // throws (failing the test) on anything but XlsxError
      }),
      { numRuns: 300 },
    );
  });

  it("a zip without a workbook is not a workbook", () => {
    const zip = zipFromMap(new Map([["hello.txt", "hej"]]));
    expect(codeOf(() => readXlsx(zip))).toBe("not-a-workbook");
    const docx = zipFromMap(
      new Map([
        ["[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`],
        ["_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`],
        ["word/document.xml", "<w:document/>"],
      ]),
    );
    expect(codeOf(() => readXlsx(docx))).toBe("not-a-workbook");
  });

  it("a truncated workbook is corrupt", async () => {
    const bytes = await excelJsBytes((wb) => (wb.addWorksheet("A").getCell("A1").value = "x"));
    for (const length of [10, 40, Math.floor(bytes.length / 2), bytes.length - 30]) {
      expect(codeOf(() => readXlsx(bytes.subarray(0, length)))).toBe("corrupt");
    }
  });

  it("an OLE compound file is a password-protected workbook, or an old .xls", () => {
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const utf16 = (text: string) => [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
    const encrypted = new Uint8Array([...header, ...new Array(504).fill(0), ...utf16("EncryptionInfo"), ...utf16("EncryptedPackage")]);
    const xls = new Uint8Array([...header, ...new Array(504).fill(0), ...utf16("Workbook")]);
    const error = caught(() => readXlsx(encrypted));
    expect(error.code).toBe("encrypted");
    expect(error.message.sv).toMatch(/lösenord/);
    expect(error.message.en).toMatch(/password/);
    expect(codeOf(() => readXlsx(xls))).toBe("not-a-workbook");
  });

  it("an entry whose declared size is huge is refused before inflating", () => {
    const declared3GiB = patchCentral(small, 24, 3 * 1024 ** 3);
    expect(codeOf(() => readXlsx(declared3GiB))).toBe("too-large");
  });

  it("an entry that inflates far beyond its compressed size is a zip bomb", () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const bomb = zipFromMap(new Map([["[Content_Types].xml", zeros]]));
    const limits = { ...DEFAULT_ZIP_LIMITS, ratioMinBytes: 1024 * 1024 };
    expect(codeOf(() => openZip(bomb, { limits }))).toBe("too-large");
    expect(codeOf(() => readXlsx(bomb, { limits }))).toBe("too-large");
    // The default bound (100 MB) lets a 4 MB entry through: no false alarm on ordinary files.
    expect(codeOf(() => openZip(bomb))).toBe("no error");
  });

  it("an entry that inflates to more than it declared is corrupt", () => {
    const data = new TextEncoder().encode("x".repeat(5000));
    const liar = patchCentral(writeZip([{ name: "[Content_Types].xml", data }]), 24, 100);
    // local header too, so only the checksum can tell
    expect(codeOf(() => openZip(liar).read("[Content_Types].xml"))).toBe("corrupt");
    // the same with a native inflater, which throws its own error on the overflow
    const inflateRaw = (d: Uint8Array, size: number) => inflateRawSync(d, { maxOutputLength: size, chunkSize: Math.max(64, size) });
    expect(codeOf(() => openZip(liar, { inflateRaw }).read("[Content_Types].xml"))).toBe("corrupt");
  });

  it("encrypted zip entries are refused", () => {
    const out = small.slice();
    const view = new DataView(out.buffer);
    for (let at = 0; at + 46 <= out.length; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 8, 1, true);
    expect(codeOf(() => readXlsx(out))).toBe("encrypted");
  });

  it("broken XML is corrupt", () => {
    const broken = handPackage({ sheets: [{ name: "A", xml: worksheetXml(`<row r="1"><c r="A1"><v>1</v>`).slice(0, 150) }] });
    expect(codeOf(() => readXlsx(broken))).toBe("corrupt");
  });

  it("an .xlsb is named as such", () => {
    const xlsb = zipFromMap(
      new Map([
        ["[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`],
        ["_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`],
        ["xl/workbook.bin", "\u0083\u0001\u0000"],
      ]),
    );
    const error = caught(() => readXlsx(xlsb));
    expect(error.code).toBe("not-a-workbook");
    expect(error.message.en).toMatch(/xlsb/);
  });
});
