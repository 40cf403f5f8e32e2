import type { ReportField } from "../types";
import { findReportHeader, readHeaderText } from "./headers";

/** Every header variant the issue and docs/architecture.md name, written as users write them. */
const VARIANTS: [ReportField, string[]][] = [
  ["division", ["Förvaltning", "Division", "Verksamhetsområde", "VERKSAMHET", " förvaltning "]],
  ["costCentre", ["Ansvar", "Kostnadsställe", "KST", "Kst", "Ansvarsnummer", "Cost centre", "Cost Center"]],
  ["account", ["Konto", "Kontonummer", "Account", "konto nr"]],
  ["accountName", ["Kontonamn", "Benämning", "Kontobenämning", "Account name"]],
  ["category", ["Kostnadsslag", "Kategori", "Kostnadsgrupp", "Category"]],
  ["budget", ["Budget", "Budget månad", "Budget Månad (tkr)", "Månadsbudget", "budget_manad", "Budget month"]],
  ["actual", ["Utfall", "Utfall månad", "Utfall, tkr", "Actual", "UTFALL  MÅNAD"]],
  ["variance", ["Avvikelse", "Avvikelse mot budget", "Avv", "Variance"]],
  ["priorYear", ["Utfall fg år", "Föregående år", "Utfall föregående år", "Prior year", "Utfall fg. år"]],
  ["budgetYtd", ["Budget ack", "Budget ack.", "Ackumulerad budget", "Budget YTD"]],
  ["actualYtd", ["Utfall ack", "Ackumulerat utfall", "Actual YTD", "Utfall ack (tkr)"]],
  ["priorYearYtd", ["Utfall ack fg år", "Föregående år ack", "Prior year YTD"]],
  ["annualBudget", ["Årsbudget", "Budget helår", "Annual budget"]],
  ["forecast", ["Prognos", "Helårsprognos", "Prognos helår", "Forecast"]],
  ["comment", ["Kommentar", "Kommentarer", "Comment"]],
  ["period", ["Period", "Bokföringsperiod", "Datum"]],
  ["year", ["År", "Year"]],
  ["monthNumber", ["Månad", "Month"]],
];

describe("report headers", () => {
  for (const [field, texts] of VARIANTS) {
    test.each(texts)(`%j is the ${field} column`, (text) => {
      const keyColumn = field === "account" ? "Ansvar" : "Konto";
      const amountColumn = field === "actual" ? "Budget" : "Utfall";
      const header = findReportHeader([[keyColumn, amountColumn, text]], 0, 0);
      expect(header).not.toBeNull();
      expect(header?.columns[field]).toBe(2);
    });
  }

  test("the header can be anywhere in the first 20 rows and the grid can start anywhere", () => {
    const rows = [["Region Mittland"], ["Belopp i tkr"], [], ["Konto", "Budget", "Utfall", "Ansvarsnamn"]];
    const header = findReportHeader(rows, 10, 2);
    expect(header?.row).toBe(13);
    expect(header?.columns).toEqual({ account: 2, budget: 3, actual: 4 });
    expect(header?.extra).toEqual([{ column: 5, header: "Ansvarsnamn" }]);
  });

  test("a header below row 20 is not found", () => {
    const rows: string[][] = Array.from({ length: 20 }, () => ["note"]);
    rows.push(["Konto", "Budget", "Utfall"]);
    expect(findReportHeader(rows, 0, 0)).toBeNull();
  });

  test("needs an amount and a key column", () => {
    expect(findReportHeader([["Budget", "Utfall"]], 0, 0)).toBeNull();
    expect(findReportHeader([["Konto", "Kontonamn"]], 0, 0)).toBeNull();
  });

  test("units in headers are recognised", () => {
    expect(readHeaderText("Budget månad (tkr)")).toEqual({ key: "budgetmanad", unit: "tkr" });
    expect(readHeaderText("Utfall mnkr")).toEqual({ key: "utfall", unit: "mnkr" });
    expect(readHeaderText("Utfall [kr]")).toEqual({ key: "utfall", unit: "kr" });
  });
});
