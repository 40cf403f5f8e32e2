import { findMonthInText, monthOfSerial, parseMonthNumberCell, parseMonthText, parsePeriodCell, parseYearCell } from "./months";

describe("parseMonthText (sheet names)", () => {
  test.each([
    ["Jan", 1, null],
    ["Januari", 1, null],
    ["januari 2024", 1, 2024],
    ["Mars 2024", 3, 2024],
    ["2024-03", 3, 2024],
    ["202403", 3, 2024],
    ["mar-24", 3, 2024],
    ["March", 3, null],
    ["Mar 2024", 3, 2024],
    ["Maj", 5, null],
    ["May", 5, null],
    ["juni", 6, null],
    ["Okt 2023", 10, 2023],
    ["October", 10, null],
    ["DEC", 12, null],
    ["Sept 2024", 9, 2024],
    ["03-2024", 3, 2024],
    ["2024 mars", 3, 2024],
    ["Utfall mars 2024", 3, 2024],
    ["Månadsrapport april", 4, null],
    ["2024/3", 3, 2024],
    ["aug-23", 8, 2023],
  ])("%j is month %d of %p", (name, month, year) => {
    expect(parseMonthText(name)).toEqual({ month, year });
  });

  test.each(["Åtgärder", "Budget", "2024", "Marsipan", "Jan Feb", "13-2024", "2024-13", "Balans inställningar", "", "Sammanställning mars 2024 till april"])(
    "%j is not a month",
    (name) => {
      expect(parseMonthText(name)).toBeNull();
    },
  );
});

describe("findMonthInText (titles)", () => {
  test("finds month and year in a title", () => {
    expect(findMonthInText("Region Mittland – Månadsrapport oktober 2024")).toEqual({ month: 10, year: 2024 });
    expect(findMonthInText("Period 202405, belopp i tkr")).toEqual({ month: 5, year: 2024 });
  });
  test("needs a year", () => {
    expect(findMonthInText("Rapport för mars")).toBeNull();
  });
});

describe("period cells", () => {
  test.each([
    ["2024-03", { month: 3, year: 2024 }],
    [202403, { month: 3, year: 2024 }],
    ["202403", { month: 3, year: 2024 }],
    ["2024-03-31", { month: 3, year: 2024 }],
    ["mars 2024", { month: 3, year: 2024 }],
    [45382, { month: 3, year: 2024 }], // 2024-03-31
    [45292, { month: 1, year: 2024 }], // 2024-01-01
  ])("%j", (value, expected) => {
    expect(parsePeriodCell(value, false)).toEqual(expected);
  });
  test("the 1904 date system shifts serials by 1462 days", () => {
    expect(parsePeriodCell(45382 - 1462, true)).toEqual({ month: 3, year: 2024 });
    expect(monthOfSerial(43920, true)).toEqual({ month: 3, year: 2024 });
  });
  test.each([[12], ["abc"], [true], [null], [202413]])("%j is not a period", (value) => {
    expect(parsePeriodCell(value as never, false)).toBeNull();
  });
  test("month numbers and years", () => {
    expect(parseMonthNumberCell(3)).toBe(3);
    expect(parseMonthNumberCell("03")).toBe(3);
    expect(parseMonthNumberCell("mars")).toBe(3);
    expect(parseMonthNumberCell(13)).toBeNull();
    expect(parseYearCell(2024)).toBe(2024);
    expect(parseYearCell(" 2024 ")).toBe(2024);
    expect(parseYearCell(24)).toBeNull();
  });
});
