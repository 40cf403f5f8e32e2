import { Tag, XmlScanner } from "./xml";

/**
 * Built-in number formats (ECMA-376 part 1, 18.8.30) that have a fixed, invariant code.
 * Ids 5–8 (currency), 27–36 and 50–58 (East Asian dates) depend on the locale Excel
 * runs in; they have no code we could report honestly and are left out.
 */
export const BUILTIN_NUMBER_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, "General"],
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [12, "# ?/?"],
  [13, "# ??/??"],
  [14, "mm-dd-yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, "m/d/yy h:mm"],
  [37, "#,##0 ;(#,##0)"],
  [38, "#,##0 ;[Red](#,##0)"],
  [39, "#,##0.00;(#,##0.00)"],
  [40, "#,##0.00;[Red](#,##0.00)"],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  [48, "##0.0E+0"],
  [49, "@"],
]);

/** The built-in id whose code is exactly `code`, if any. */
export function builtinFormatId(code: string): number | undefined {
  for (const [id, builtin] of BUILTIN_NUMBER_FORMATS) if (builtin === code) return id;
  return undefined;
}

export function isGeneral(code: string | null | undefined): boolean {
  return code === null || code === undefined || code === "" || code.toLowerCase() === "general";
}

/**
 * From `styles.xml`: the number format code of each cell style (`cellXfs` index), or
 * null where it is General or unknown.
 */
export function readCellFormats(stylesXml: string): (string | null)[] {
  const scanner = new XmlScanner(stylesXml);
  const custom = new Map<number, string>();
  const formats: (string | null)[] = [];
  let inCellXfs = false;
  for (let kind = scanner.next(); kind !== Tag.End; kind = scanner.next()) {
    const name = scanner.name;
    if (kind === Tag.Close) {
      if (name === "cellXfs") inCellXfs = false;
      continue;
    }
    if (name === "numFmt") {
      const id = Number(scanner.attr("numFmtId"));
      const code = scanner.attr("formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (name === "cellXfs" && kind === Tag.Open) {
      inCellXfs = true;
    } else if (name === "xf" && inCellXfs) {
      const id = Number(scanner.attr("numFmtId") ?? "0");
      const code = custom.get(id) ?? BUILTIN_NUMBER_FORMATS.get(id) ?? null;
      formats.push(isGeneral(code) ? null : code);
      if (kind === Tag.Open) scanner.skip();
    } else if (kind === Tag.Open && (name === "cellStyleXfs" || name === "dxfs" || name === "fonts" || name === "fills" || name === "borders" || name === "extLst")) {
      // nothing we need inside; dxfs hold numFmts of their own that must not be mixed in
      scanner.skip();
    }
  }
  return formats;
}
