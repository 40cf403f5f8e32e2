import { a1 } from "../address";
import { monthName } from "../format";
import { RULES } from "../rules";
import type { Finding, Language, Severity, WorkbookModel } from "../types";
import { internalLink, stringLiteral } from "./formula";
import { TITLE_ROWS } from "./layout";
import type { Cell } from "./sheetBuilder";
import { formula, SheetBuilder, text } from "./sheetBuilder";
import { FILLS, L, SEVERITY_TEXT, t } from "./texts";

const RULE_TITLES = new Map(Object.values(RULES).map((r) => [r.code, r.title]));

/** Rows per rule on the findings sheet; the rest are counted in one row. */
export const MAX_ROWS_PER_RULE = 1000;

/** Every finding as a row of a filterable table, errors first, with a link that jumps to the cell. */
export function findingsSheet(model: WorkbookModel, findings: readonly Finding[], language: Language, name: string): SheetBuilder {
  const b = new SheetBuilder("findings", name);
  const latest = model.latestMonth > 0 ? monthName(model.latestMonth, language, model.year) : "";
  b.row(0, 0, [text(language === "sv" ? "Kontroll av arbetsboken" : "Workbook check", "title")]);
  b.row(1, 0, [text(language === "sv" ? `${model.workbook}${latest ? ` · t.o.m. ${latest}` : ""} · ${findings.length} iakttagelser` : `${model.workbook}${latest ? ` · through ${latest}` : ""} · ${findings.length} findings`, "subtitle")]);
  b.row(2, 0, [
    text(
      language === "sv"
        ? "Fel först, sedan varningar och information. Klicka på cellen för att gå dit; filtrera på allvarlighet, regel eller blad med pilarna i rubrikraden."
        : "Errors first, then warnings and information. Click the cell to go there; filter by severity, rule or sheet with the arrows in the header row.",
      "note",
    ),
  ]);
  b.row(3, 0, [
    text(
      language === "sv"
        ? "Balans ändrar aldrig dina blad: rätta i källbladet och kör kontrollen igen."
        : "Balans never changes your sheets: correct the source sheet and run the check again.",
      "note",
    ),
  ]);
  const headers = [L.severity, L.rule, L.ruleTitle, L.sheet, L.cell, L.message].map((m) => t(m, language));
  const title = (rule: string) => t(RULE_TITLES.get(rule) ?? { sv: rule, en: rule }, language);
  // A rule that fires on every row of a huge workbook would make the sheet too large to
  // write or read: each rule lists its first findings and one row saying how many more.
  const shown: Finding[] = [];
  const more = new Map<string, { severity: Severity; count: number }>();
  const perRule = new Map<string, number>();
  for (const f of findings) {
    const n = (perRule.get(f.rule) ?? 0) + 1;
    perRule.set(f.rule, n);
    if (n <= MAX_ROWS_PER_RULE) shown.push(f);
    else more.set(f.rule, { severity: f.severity, count: (more.get(f.rule)?.count ?? 0) + 1 });
  }
  const body: (Cell | null)[][] = shown.map((f) => [
    text(t(SEVERITY_TEXT[f.severity], language)),
    text(f.rule),
    text(title(f.rule)),
    text(f.sheet),
    f.sheet !== "" && f.cell !== "" ? formula(`HYPERLINK(${stringLiteral(internalLink(f.sheet, f.cell))},${stringLiteral(f.cell)})`, f.cell, "link") : text(f.cell),
    text(f.message[language]),
  ]);
  for (const [rule, { severity, count }] of more) {
    body.push([
      text(t(SEVERITY_TEXT[severity], language)),
      text(rule),
      text(title(rule)),
      null,
      null,
      text(
        language === "sv"
          ? `… och ${count} till av samma slag, som inte listas här. Rätta de första och kör igen; alla visas i Balans-fönstret.`
          : `… and ${count} more of the same kind, not listed here. Correct the first ones and run again; the Balans pane shows them all.`,
      ),
    ]);
  }
  const table = b.table("BalansFindings", TITLE_ROWS, 0, headers, body);
  b.freezeAt(TITLE_ROWS + 1, 0);
  [12, 24, 34, 20, 10, 110].forEach((w, c) => b.width(c, w));
  const fills: Record<Severity, string> = { error: FILLS.red, warning: FILLS.yellow, info: FILLS.blue };
  for (const severity of ["error", "warning", "info"] as const) {
    b.conditional({ range: { top: table.first, left: 0, bottom: table.last, right: 0 }, rule: { type: "textEquals", text: t(SEVERITY_TEXT[severity], language) }, fill: fills[severity] });
  }
  // Counts by severity, live over the table.
  const side = headers.length + 1;
  b.row(TITLE_ROWS, side, [text(t(L.severity, language), "header"), text(t(L.count, language), "header")]);
  (["error", "warning", "info"] as const).forEach((severity, i) => {
    const label = t(SEVERITY_TEXT[severity], language);
    const count = findings.filter((f) => f.severity === severity).length;
    const range = `${a1(table.first, 0)}:${a1(Math.max(table.last, table.first), 0)}`;
    // Findings not listed count too; each rule's "… more" row is already counted once by COUNTIF.
    const unlisted = [...more.values()].filter((m) => m.severity === severity).reduce((n, m) => n + m.count - 1, 0);
    const countFormula = `COUNTIF(${range},${stringLiteral(label)})${unlisted > 0 ? `+${unlisted}` : ""}`;
    b.row(TITLE_ROWS + 1 + i, side, [text(label), formula(countFormula, count, "integer")]);
  });
  b.width(side, 14);
  b.width(side + 1, 8);
  return b;
}
