import { rangeA1 } from "../../core/address";
import type { CellRange, TablePlan } from "../../core/types";
import { NS } from "../opc";
import { encodeOoxmlText, escapeXml } from "../xml";

/**
 * A table name Excel accepts: letters, digits, `_` and `.`, starting with a letter or
 * `_`, and not something that reads as a cell reference (`A1`, `R1C1`).
 */
export function tableName(wanted: string): string {
  let name = wanted.replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(name)) name = `_${name}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*([RrCc]\d*)?$/.test(name)) name = `_${name}`;
  return name.slice(0, 255);
}

/** Column names as Excel requires them: one per column, non-empty, unique regardless of case. */
export function tableColumns(table: TablePlan): string[] {
  const width = table.range.right - table.range.left + 1;
  const seen = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < width; i++) {
    const wanted = (table.columns[i] ?? "").trim() === "" ? `Column${i + 1}` : (table.columns[i] as string);
    let name = wanted;
    for (let n = 2; seen.has(name.toUpperCase()); n++) name = `${wanted}${n}`;
    seen.add(name.toUpperCase());
    names.push(name);
  }
  return names;
}

/** A table needs a data row; a header-only range gets one empty row. */
export function tableRange(table: TablePlan): CellRange {
  const { top, left, bottom, right } = table.range;
  return { top, left, right, bottom: Math.max(bottom, top + 1) };
}

/** Table column names live in attributes, where line breaks and tabs need the `_xHHHH_` form. */
function columnNameAttribute(name: string): string {
  return escapeXml(encodeOoxmlText(name).replace(/[\n\t]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
}

export function tableXml(table: TablePlan, id: number, name: string, columns: readonly string[]): string {
  const { top, left, bottom, right } = tableRange(table);
  const ref = rangeA1(top, left, bottom, right);
  const style = /^[\w ]+$/.test(table.style) ? table.style : "TableStyleMedium2";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS.main}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${columns.length}">${columns.map((c, i) => `<tableColumn id="${i + 1}" name="${columnNameAttribute(c)}"/>`).join("")}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}
