/** Structure: report sheets have the columns Balans needs, months are complete and in order. */
import { a1, rangeA1 } from "../address";
import { finding } from "../findings";
import { monthName } from "../format";
import { RULES } from "../rules";
import type { Finding, ReportSheetLayout } from "../types";
import type { CheckInput } from "./input";
import { headerCell, rowIndex, sheetsInTabOrder } from "./rowIndex";
import { bilingual } from "./text";

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The header row's recognised columns, `A{header}` when none was recognised. */
function headerRange(layout: ReportSheetLayout): string {
  const used = Object.values(layout.columns).filter((c): c is number => c !== undefined);
  if (used.length === 0) return a1(layout.headerRow, 0);
  return rangeA1(layout.headerRow, Math.min(...used), layout.headerRow, Math.max(...used));
}

/** `STRUCT-MISSING-COLUMN`: one finding per missing amount column, missing keys, missing division. */
export function missingColumns({ model }: CheckInput): Finding[] {
  const out: Finding[] = [];
  for (const layout of model.reportSheets) {
    const at = headerRange(layout);
    const sheet = layout.sheet;
    const c = layout.columns;
    if (c.budget === undefined) {
      out.push(
        finding(RULES.missingColumn, sheet, at, {
          sv: `Bladet ${sheet} saknar budgetkolumn (t.ex. ”Budget” eller ”Budget månad”): budget och avvikelse kan inte beräknas för bladet.`,
          en: `Sheet ${sheet} has no budget column (e.g. “Budget” or “Budget month”): budget and variance cannot be computed for it.`,
        }),
      );
    }
    if (c.actual === undefined) {
      out.push(
        finding(RULES.missingColumn, sheet, at, {
          sv: `Bladet ${sheet} saknar utfallskolumn (t.ex. ”Utfall” eller ”Utfall månad”): utfall och avvikelse kan inte beräknas för bladet.`,
          en: `Sheet ${sheet} has no actual column (e.g. “Actual” or “Actual month”): actual and variance cannot be computed for it.`,
        }),
      );
    }
    if (c.account === undefined && c.costCentre === undefined) {
      out.push(
        finding(RULES.missingColumn, sheet, at, {
          sv: `Bladet ${sheet} saknar både kontokolumn (”Konto”) och ansvarskolumn (”Ansvar”, ”Kostnadsställe”): raderna kan inte knytas till konto eller ansvar.`,
          en: `Sheet ${sheet} has neither an account column (“Account”) nor a cost-centre column (“Cost centre”): its rows cannot be tied to an account or cost centre.`,
        }),
      );
    }
    if (c.division === undefined) {
      out.push(
        finding(
          RULES.missingColumn,
          sheet,
          at,
          {
            sv: `Bladet ${sheet} saknar förvaltningskolumn (”Förvaltning”, ”Division”): alla rader räknas till en och samma namnlösa förvaltning.`,
            en: `Sheet ${sheet} has no division column (“Division”): all its rows count as one unnamed division.`,
          },
          "warning",
        ),
      );
    }
  }
  return out;
}

/** Months found per report sheet (a bit per month), from the rows. */
function monthsPerSheet(input: CheckInput): number[] {
  const { sheets, months } = rowIndex(input.model);
  const masks = new Array<number>(input.model.reportSheets.length).fill(0);
  for (let i = 0; i < sheets.length; i++) masks[sheets[i]] |= 1 << months[i];
  return masks;
}

/**
 * `STRUCT-MONTH-MISSING`: each month from January to the latest month that has no
 * report. It points at the report that comes after the gap, since that is where the
 * year-to-date figures stop adding up: a month sheet's A1, or the period column's
 * header on a ledger sheet.
 */
export function missingMonths(input: CheckInput): Finding[] {
  const { model } = input;
  const present = new Set(model.months);
  const masks = monthsPerSheet(input);
  const sheets = sheetsInTabOrder(model);
  const out: Finding[] = [];
  for (let m = 1; m <= model.latestMonth; m++) {
    if (present.has(m)) continue;
    let target: { layout: ReportSheetLayout; month: number } | undefined;
    for (const layout of sheets) {
      const index = model.reportSheets.indexOf(layout);
      for (let later = m + 1; later <= 12; later++) {
        const has = layout.shape === "month" ? layout.month === later : (masks[index] & (1 << later)) !== 0;
        if (has && (target === undefined || later < target.month)) target = { layout, month: later };
      }
    }
    const layout = target?.layout ?? sheets[0];
    const sheet = layout?.sheet ?? "";
    const cell = layout === undefined ? "" : layout.shape === "ledger" ? headerCell(layout, layout.columns.period !== undefined ? "period" : "monthNumber") : "A1";
    const latest = (lang: "sv" | "en") => monthName(model.latestMonth, lang, model.year);
    out.push(
      finding(
        RULES.monthMissing,
        sheet,
        cell,
        bilingual((lang) =>
          lang === "sv"
            ? `${capital(monthName(m, "sv", model.year))} saknas: arbetsboken har rapporter till och med ${latest("sv")} men ingen för ${monthName(m, "sv")}. Ackumulerade belopp kan inte stämmas av mot månaderna.`
            : `${monthName(m, "en", model.year)} is missing: the workbook reports up to ${latest("en")} but has no report for ${monthName(m, "en")}. Year-to-date figures cannot be checked against the months.`,
        ),
      ),
    );
  }
  return out;
}

/**
 * `STRUCT-MONTH-ORDER`: month sheets out of month order in the tabs. The sheets kept in
 * place are the longest run already in order (longest non-decreasing subsequence), so
 * one misplaced sheet is reported once, not every sheet after it. Equal months are
 * the duplicate-month rule's business, not this one's.
 */
export function monthOrder({ model }: CheckInput): Finding[] {
  const sheets = sheetsInTabOrder(model).filter((l) => l.shape === "month" && l.month !== undefined);
  const n = sheets.length;
  // O(n²) over month sheets only (a handful), never over rows.
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if ((sheets[j].month ?? 0) <= (sheets[i].month ?? 0) && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
  }
  let best = -1;
  for (let i = 0; i < n; i++) if (best < 0 || length[i] > length[best]) best = i;
  const inPlace = new Set<number>();
  for (let i = best; i >= 0; i = previous[i]) inPlace.add(i);
  const out: Finding[] = [];
  for (let i = 0; i < n; i++) {
    if (inPlace.has(i)) continue;
    const layout = sheets[i];
    const m = layout.month ?? 0;
    // The neighbour that shows the disorder: a later month before it, or an earlier month after it.
    const before = sheets.slice(0, i).find((o) => (o.month ?? 0) > m);
    const after = sheets.slice(i + 1).find((o) => (o.month ?? 0) < m);
    const other = before ?? after;
    const where = (lang: "sv" | "en") =>
      other === undefined
        ? ""
        : lang === "sv"
          ? ` (${before ? "efter" : "före"} ${other.sheet}, ${monthName(other.month ?? 0, "sv")})`
          : ` (${before ? "after" : "before"} ${other.sheet}, ${monthName(other.month ?? 0, "en")})`;
    out.push(
      finding(RULES.monthOrder, layout.sheet, "A1", {
        sv: `Bladet ${layout.sheet} (${monthName(m, "sv")}) ligger inte i månadsordning bland flikarna${where("sv")}. Flytta det så att månaderna följer på varandra.`,
        en: `Sheet ${layout.sheet} (${monthName(m, "en")}) is out of month order in the tabs${where("en")}. Move it so the months follow each other.`,
      }),
    );
  }
  return out;
}

/**
 * `STRUCT-UNKNOWN-SHEET`: sheets the reader did not use, so the user knows they were
 * skipped. The reader may already have said so (with its reason, e.g. an empty sheet):
 * such sheets are not reported twice.
 */
export function unknownSheets({ model }: CheckInput): Finding[] {
  const told = new Set(model.findings.filter((f) => f.rule === RULES.unknownSheet.code).map((f) => f.sheet));
  return model.otherSheets
    .filter((sheet) => !told.has(sheet))
    .map((sheet) =>
      finding(RULES.unknownSheet, sheet, "A1", {
        sv: `Bladet ${sheet} läses inte: det är varken en månadsrapport, ett åtgärdsblad, ett programblad eller ett inställningsblad.`,
        en: `Sheet ${sheet} is not read: it is not a month report, measures, programme or settings sheet.`,
      }),
    );
}

/** `STRUCT-NO-MEASURES`: once, when the workbook has no measures sheet. */
export function noMeasures({ model }: CheckInput): Finding[] {
  if (model.measureSheet !== undefined) return [];
  const first = sheetsInTabOrder(model)[0];
  return [
    finding(RULES.noMeasures, first?.sheet ?? "", first ? "A1" : "", {
      sv: "Arbetsboken har inget åtgärdsblad (”Åtgärder”, ”Åtgärdsplan”): ingen uppföljning av åtgärder görs.",
      en: "The workbook has no measures sheet (“Measures”, “Action plan”): measures are not followed up.",
    }),
  ];
}

export const structureChecks = [missingColumns, missingMonths, monthOrder, unknownSheets, noMeasures] as const;
