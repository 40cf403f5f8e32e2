import { parseNumberText, readAmount, readShare } from "./numbers";

describe("parseNumberText", () => {
  test.each([
    ["1 234,5", 1234.5],
    ["1\u00a0234,5", 1234.5],
    ["1\u202f234,5", 1234.5],
    ["12 345 678", 12345678],
    ["\u22121 234", -1234],
    ["-1 234,50", -1234.5],
    ["\u20131 234", -1234],
    ["(1 234)", -1234],
    ["(1 234,5)", -1234.5],
    ["1234-", -1234],
    ["+250", 250],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["1,5", 1.5],
    ["0,25", 0.25],
    ["1.5", 1.5],
    ["1234", 1234],
    [" 42 ", 42],
    ["1 234 kr", 1234],
    ["1 234,5 tkr", 1234.5],
    ["-0", -0],
  ])("%j is %d", (text, expected) => {
    const parsed = parseNumberText(text);
    expect(parsed).not.toBeNull();
    expect(parsed?.percent).toBe(false);
    expect(parsed?.value).toBeCloseTo(expected, 10);
  });

  test.each([
    ["12,5 %", 0.125],
    ["12,5%", 0.125],
    ["2 %", 0.02],
    ["\u22123,5\u00a0%", -0.035],
  ])("%j is the share %d", (text, expected) => {
    const parsed = parseNumberText(text);
    expect(parsed?.percent).toBe(true);
    expect(parsed?.value).toBeCloseTo(expected, 12);
  });

  test.each(["", "abc", "12 34", "1,23,4", "1 234.567,8,9", "12a", "--5", "1.234,5.6", "1 234,", "(12", "e5", "1e5", "Infinity", "NaN", "0x10", "12 %%", "1'"])(
    "%j is not a number",
    (text) => {
      expect(parseNumberText(text)).toBeNull();
    },
  );
});

describe("readAmount", () => {
  test("numbers are used as they are", () => {
    expect(readAmount(1234.5)).toEqual({ kind: "number", value: 1234.5, fromText: false });
  });
  test("a number stored as text is read and marked", () => {
    expect(readAmount("1 234,5")).toEqual({ kind: "number", value: 1234.5, fromText: true });
  });
  test.each([null, undefined, "", "   ", "-", "\u2013"])("%j is blank", (value) => {
    expect(readAmount(value)).toEqual({ kind: "blank" });
  });
  test("an error value is reported as such", () => {
    expect(readAmount({ error: "#REF!" })).toEqual({ kind: "error", error: "#REF!" });
  });
  test("a percentage, a boolean and free text are not amounts", () => {
    expect(readAmount("12,5 %")).toEqual({ kind: "invalid", reason: "percent" });
    expect(readAmount(true)).toEqual({ kind: "invalid", reason: "boolean" });
    expect(readAmount("se not 4")).toEqual({ kind: "invalid", reason: "text" });
    expect(readAmount(Number.NaN)).toEqual({ kind: "invalid", reason: "text" });
  });
});

describe("readShare", () => {
  test.each([
    ["2 %", 0.02],
    [0.02, 0.02],
    [2, 0.02],
    ["0,9", 0.9],
    ["90%", 0.9],
  ])("%j is %d", (value, expected) => {
    expect(readShare(value)).toBeCloseTo(expected, 12);
  });
  test("text is not a share", () => expect(readShare("två")).toBeNull());
});
