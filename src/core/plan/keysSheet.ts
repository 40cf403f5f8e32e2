import type { AccountClass, Language, Message, WorkbookModel } from "../types";
import type { Cell } from "./sheetBuilder";
import { num, SheetBuilder, text } from "./sheetBuilder";
import type { Grouping, SourceSums } from "./sourceSums";
import { KEYS_FIRST_ROW } from "./sourceSums";
import { L, t } from "./texts";

const GROUPING_TEXT: Readonly<Record<Grouping, { sv: string; en: string }>> = {
  category: L.groupingCategory,
  costCentre: L.groupingCostCentre,
  class: L.groupingClass,
};

const CLASS_TEXT: Readonly<Record<AccountClass, Message>> = {
  ownStaff: { sv: "Egen personal", en: "Own staff" },
  hiredDoctors: { sv: "Inhyrda läkare", en: "Hired doctors" },
  hiredNurses: { sv: "Inhyrda sjuksköterskor", en: "Hired nurses" },
  hiredOther: { sv: "Övrig inhyrd personal", en: "Other hired staff" },
  consultants: { sv: "Konsulter", en: "Consultants" },
  income: { sv: "Intäkter", en: "Income" },
  otherCost: { sv: "Övriga kostnader", en: "Other costs" },
};

/**
 * The helper keys the SUMIFS formulas use: one column per report sheet and grouping,
 * row by row beside the report's data rows, and a legend of what each group number
 * means. Written only when some formula needs it.
 */
export function keysSheet(model: WorkbookModel, sums: SourceSums, language: Language, name: string): SheetBuilder | null {
  const columns = sums.keyColumns();
  if (columns.length === 0) return null;
  const b = new SheetBuilder("keys", name);
  for (const key of columns) {
    const layout = model.reportSheets[key.sheet];
    b.put(0, key.column, text(layout.sheet, "header"));
    b.put(1, key.column, text(t(GROUPING_TEXT[key.grouping], language), "note"));
    key.keys.forEach((value, i) => {
      if (value !== null) b.put(KEYS_FIRST_ROW + i, key.column, num(value, "integer"));
    });
    b.width(key.column, 16);
  }
  const side = columns.length + 1;
  b.put(0, side, text(language === "sv" ? "Hjälpnycklar för formlerna i Balans-bladen" : "Helper keys for the formulas on the Balans sheets", "title"));
  b.put(1, side, text(
    language === "sv"
      ? "Varje kolumn står rad för rad bredvid datarader i ett rapportblad. Nyckel = grupp × 100 + månad; negativ där radens belopp byter tecken så att kostnader blir positiva. Rader utan nyckel räknas med direkta cellreferenser (felvärden) eller inte alls (summarader, anteckningar)."
      : "Each column lies row by row beside the data rows of a report sheet. Key = group × 100 + month; negative where the row's amounts change sign so costs come out positive. Rows without a key are counted through direct cell references (error values) or not at all (totals rows, notes).",
    "note",
  ));
  const legendTop = 3;
  b.row(legendTop, side, [L.keysGroup, L.keysGrouping, L.division, L.groupName].map((m) => text(t(m, language), "header")));
  let row = legendTop + 1;
  for (const grouping of ["category", "costCentre", "class"] as const) {
    if (!columns.some((c) => c.grouping === grouping)) continue;
    for (const { group, number } of sums.legend(grouping)) {
      const [division, member] = group.split("\u0000");
      const label = grouping === "class" ? t(CLASS_TEXT[member as AccountClass] ?? { sv: member, en: member }, language) : member;
      const cells: Cell[] = [num(number, "integer"), text(t(GROUPING_TEXT[grouping], language)), text(division), text(label)];
      b.row(row++, side, cells);
    }
  }
  b.width(side, 10);
  b.width(side + 1, 26);
  b.width(side + 2, 22);
  b.width(side + 3, 28);
  return b;
}


