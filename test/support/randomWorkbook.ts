import ExcelJS from "exceljs";
import { randomStream, type Random } from "../../scripts/sample/prng";

/**
 * Messy but valid report workbooks from a seed, for tests that must hold on any
 * workbook, not only the tidy sample: both sheet shapes, all three sign conventions,
 * divisions written once or on every row, rows in any order, totals rows, notes, numbers
 * stored as text, error values, names with quotes, wildcards and formula-like text.
 */
export interface RandomWorkbookOptions {
  readonly seed: number;
  /** Detail rows per month (default 20–60). */
  readonly rows?: number;
}

export interface RandomWorkbookFacts {
  readonly shape: "month" | "ledger";
  readonly convention: "debit" | "statutory" | "allPositive";
  readonly months: number[];
  readonly year: number;
}

const DIVISIONS = ["Specialistvård", "Primärvård", 'Division "Syd"', "*Psykiatri?", "=Habilitering", "<50 Tandvård", "Ögon & ÖNH", "Region's kansli"];
const ACCOUNTS: [number, string, string, "cost" | "income"][] = [
  [3010, "Patientavgifter", "Intäkter", "income"],
  [3510, "Försäljning av vård", "Intäkter", "income"],
  [4010, "Köpt vård", "Köpt vård", "cost"],
  [4510, "Läkemedel", "Läkemedel", "cost"],
  [5010, "Lokalhyra", "Lokaler", "cost"],
  [6550, "Konsultarvoden", "Konsulter", "cost"],
  [6810, "Inhyrda läkare", "Inhyrd personal", "cost"],
  [6820, "Inhyrda sjuksköterskor", "Inhyrd personal", "cost"],
  [6830, "Övrig inhyrd personal", "Inhyrd personal", "cost"],
  [7010, "Löner läkare", "Personalkostnader", "cost"],
  [7011, "Löner sjuksköterskor", "Personalkostnader", "cost"],
  [7510, "Arbetsgivaravgifter", "Personalkostnader", "cost"],
  [7830, "Avskrivningar", "Övrigt", "cost"],
];
const MONTH_NAMES = ["Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September", "Oktober", "November", "December"];

function swedishText(value: number, r: Random): string {
  const fixed = Math.abs(value).toFixed(1).replace(".", ",");
  const [whole, fraction] = fixed.split(",");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, r.pick([" ", "\u00a0"]));
  const body = `${grouped},${fraction}`;
  if (value >= 0) return body;
  return r.pick([`-${body}`, `\u2212${body}`, `(${body})`]);
}

export async function writeRandomWorkbook(path: string, options: RandomWorkbookOptions): Promise<RandomWorkbookFacts> {
  const r = randomStream(options.seed, 1);
  const year = r.int(2021, 2026);
  const shape: "month" | "ledger" = r.chance(0.7) ? "month" : "ledger";
  const convention = r.pick(["debit", "statutory", "allPositive"] as const);
  const monthCount = r.int(2, 6);
  const months = Array.from({ length: monthCount }, (_, i) => i + 1);
  const divisions = Array.from(new Set(Array.from({ length: r.int(1, 4) }, () => r.pick(DIVISIONS))));
  const writtenOnce = shape === "month" && r.chance(0.5);
  const withCategory = r.chance(0.6);
  const headerRow = r.int(1, 6);
  const rowsPerMonth = options.rows ?? r.int(20, 60);

  // One fixed set of keys for the year, so months line up.
  const keys = Array.from({ length: rowsPerMonth }, () => {
    const [account, name, category, nature] = r.pick(ACCOUNTS);
    return { division: r.pick(divisions), costCentre: String(r.int(10, 40) * 100), account, name, category, nature };
  });
  // Most sheets keep a division's rows together; some are shuffled, so groups are scattered.
  if (!writtenOnce && r.chance(0.5)) keys.sort(() => r.next() - 0.5);
  else keys.sort((a, b) => divisions.indexOf(a.division) - divisions.indexOf(b.division) || a.costCentre.localeCompare(b.costCentre) || a.account - b.account);

  const signOf = (nature: "cost" | "income") =>
    convention === "debit" ? (nature === "cost" ? 1 : -1) : convention === "statutory" ? (nature === "cost" ? -1 : 1) : 1;

  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  workbook.modified = workbook.created;
  const headers = ["Förvaltning", "Ansvar", "Konto", "Kontonamn", ...(withCategory ? ["Kostnadsslag"] : []), "Budget", "Utfall", "Utfall fg år", "Prognos", "Kommentar", "Extra"];

  const cellValue = (value: number): ExcelJS.CellValue => {
    const roll = r.next();
    if (roll < 0.04) return swedishText(value, r);
    if (roll < 0.055) return { error: r.pick(["#REF!", "#N/A", "#DIV/0!"]) } as ExcelJS.CellErrorValue;
    if (roll < 0.08) return null;
    return Math.round(value * 10) / 10;
  };

  const detailRows = (month: number) =>
    keys.map((k, i) => {
      const scale = k.nature === "income" ? r.between(20, 400) : r.between(50, 5000);
      const sign = signOf(k.nature);
      const division = writtenOnce && i > 0 && keys[i - 1].division === k.division ? null : k.division;
      return [
        division,
        k.costCentre,
        r.chance(0.2) ? String(k.account) : k.account,
        k.name,
        ...(withCategory ? [k.category] : []),
        cellValue(sign * scale),
        cellValue(sign * scale * r.between(0.7, 1.3)),
        cellValue(sign * scale * r.between(0.8, 1.2)),
        cellValue(sign * scale * 12),
        r.chance(0.1) ? r.pick(["=SUM(A1)", "+46 70 123", "@kommentar", "Fler jourpass"]) : null,
        r.chance(0.1) ? "x" : null,
        month,
      ];
    });

  const fill = (sheet: ExcelJS.Worksheet, rows: ExcelJS.CellValue[][]) => {
    sheet.getCell(1, 1).value = "Månadsrapport";
    for (const row of rows) sheet.addRow(row);
  };

  if (shape === "month") {
    for (const month of months) {
      const style = r.int(0, 3);
      const name = [`${MONTH_NAMES[month - 1]} ${year}`, `${year}-${String(month).padStart(2, "0")}`, `${MONTH_NAMES[month - 1].slice(0, 3).toLowerCase()}-${String(year).slice(2)}`, `${MONTH_NAMES[month - 1]} '${String(year).slice(2)}`][style];
      const sheet = workbook.addWorksheet(name.replace(/'/g, ""));
      const rows: ExcelJS.CellValue[][] = [];
      for (let i = 1; i < headerRow; i++) rows.push(i === 1 ? [`Region Test – ${MONTH_NAMES[month - 1]} ${year}`] : []);
      rows.push(headers);
      const body = detailRows(month).map((row) => row.slice(0, headers.length));
      // A totals row after each division's block, when the rows are grouped.
      let last = "";
      for (const row of body) {
        const division = (row[0] as string | null) ?? last;
        if (last !== "" && division !== last && r.chance(0.7)) rows.push([`Summa ${last}`, null, null, null, ...(withCategory ? [null] : []), 0, 0]);
        last = division;
        rows.push(row);
        if (r.chance(0.03)) rows.push([null, null, null, "Notering: engångspost"]);
      }
      rows.push(["Totalt", null, null, null, ...(withCategory ? [null] : []), 1, 2]);
      sheet.addRows(rows.slice(0));
      sheet.getCell(1, 1).value = `Region Test – ${MONTH_NAMES[month - 1]} ${year}`;
    }
  } else {
    const sheet = workbook.addWorksheet("Huvudbok");
    const periodStyle = r.int(0, 2);
    const ledgerHeaders = ["Period", ...headers];
    const rows: ExcelJS.CellValue[][] = [];
    for (let i = 1; i < headerRow; i++) rows.push([]);
    rows.push(ledgerHeaders);
    for (const month of months) {
      for (const row of detailRows(month)) {
        const period = periodStyle === 0 ? `${year}-${String(month).padStart(2, "0")}` : periodStyle === 1 ? year * 100 + month : new Date(Date.UTC(year, month - 1, 15));
        rows.push([period, ...row.slice(0, headers.length)]);
      }
    }
    fill(sheet, rows);
  }

  if (r.chance(0.6)) {
    const sheet = workbook.addWorksheet("Åtgärder");
    sheet.addRow(["ID", "Åtgärd", "Förvaltning", "Program", "Konton", "Planerad effekt (tkr)", "Startmånad"]);
    const count = r.int(1, 5);
    for (let i = 0; i < count; i++) {
      const [account] = r.pick(ACCOUNTS);
      sheet.addRow([`M-${i + 1}`, `Åtgärd ${i + 1}`, r.pick([...divisions, "Alla"]), r.pick(["Program A", "Program B", ""]), r.chance(0.5) ? account : `${account}-${account + 9}`, r.int(1, 50) * 100, `${year}-${String(r.int(1, 12)).padStart(2, "0")}`]);
    }
    if (r.chance(0.5)) {
      const programmes = workbook.addWorksheet("Program");
      programmes.addRow(["Program", "Mål"]);
      programmes.addRow(["Program A", r.int(1, 100) * 100]);
    }
  }
  if (convention !== "debit" || r.chance(0.3)) {
    const settings = workbook.addWorksheet("Balans inställningar");
    settings.addRow(["Inställning", "Värde"]);
    if (convention === "statutory" && r.chance(0.5)) settings.addRow(["Teckenkonvention", "kostnader negativa"]);
    if (r.chance(0.3)) settings.addRow(["Nämnare hyrpersonal", "all personal"]);
  }
  await workbook.xlsx.writeFile(path);
  return { shape, convention, months, year };
}
