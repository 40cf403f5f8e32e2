import type { CellValue } from "../../../src/core/types";

/**
 * A small report workbook as plain grids, the same for every host the reliability tests
 * drive (the Office fake, ExcelJS, hand-written XML): two month sheets Balans recognises,
 * a measures sheet and a programme sheet, so a run writes every kind of summary sheet and
 * the "nothing lost" comparisons have something to compare.
 */
export interface GridSheet {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
}

const HEADER = ["Förvaltning", "Ansvar", "Konto", "Kontonamn", "Budget", "Utfall", "Utfall fg år", "Kommentar"];

/** Detail rows of one month; `texts` replace the division, account name and comment (injection tests). */
export function monthRows(month: number, texts: { division?: string; accountName?: string; comment?: string } = {}): CellValue[][] {
  const division = texts.division ?? "Specialistvård";
  return [
    HEADER,
    [division, "1100", 7010, texts.accountName ?? "Löner läkare", 1000 * month, 1050 * month, 980 * month, texts.comment ?? null],
    [division, "1100", 6810, "Inhyrda läkare", 100 * month, 160 * month, 150 * month, null],
    [division, "1200", 4510, "Läkemedel", 400 * month, 390 * month, 410 * month, null],
    ["Primärvård", "2100", 7010, "Löner läkare", 800 * month, 790 * month, 760 * month, null],
    ["Primärvård", "2100", 6820, "Inhyrda sjuksköterskor", 50 * month, 80 * month, 40 * month, null],
  ];
}

export function measureRows(texts: { id?: string; description?: string; division?: string; comment?: string } = {}): CellValue[][] {
  return [
    ["ID", "Åtgärd", "Förvaltning", "Program", "Konton", "Planerad effekt helår", "Startmånad", "Kommentar"],
    [texts.id ?? "Å1", texts.description ?? "Minska hyrläkare", texts.division ?? "Specialistvård", "Bemanning", "6810-6819", 600, 1, texts.comment ?? null],
    ["Å2", "Färre sjuksköterskor via bemanning", "Primärvård", "Bemanning", "6820", 200, 2, null],
  ];
}

export const PROGRAMME_ROWS: CellValue[][] = [
  ["Program", "Mål"],
  ["Bemanning", 800],
];

/** The report workbook: Januari and Februari 2024, measures and programmes. */
export function reportSheets(texts: Parameters<typeof monthRows>[1] & Parameters<typeof measureRows>[0] = {}): GridSheet[] {
  return [
    { name: "Januari 2024", rows: monthRows(1, texts) },
    { name: "Februari 2024", rows: monthRows(2, texts) },
    { name: "Åtgärder", rows: measureRows(texts) },
    { name: "Program", rows: PROGRAMME_ROWS },
  ];
}
