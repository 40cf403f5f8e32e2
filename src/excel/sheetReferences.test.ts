import { retargetSheetReferences } from "./sheetReferences";

const targets = new Map([
  ["balans avvikelse", "Balans~1"],
  ["jan", "Balans~2"],
]);

describe("retargetSheetReferences", () => {
  it.each([
    ["SUM('Balans avvikelse'!C2:C9)", "SUM('Balans~1'!C2:C9)"],
    ["'BALANS AVVIKELSE'!A1+Jan!B2", "'Balans~1'!A1+'Balans~2'!B2"],
    ["'Jan 2024'!A1+'Feb'!A1", "'Jan 2024'!A1+'Feb'!A1"],
    ['IF(A1="Jan!A1",\'Jan\'!A1,"\'Balans avvikelse\'!A1")', 'IF(A1="Jan!A1",\'Balans~2\'!A1,"\'Balans avvikelse\'!A1")'],
    ["XJan!A1+Jan.2!A1", "XJan!A1+Jan.2!A1"],
    ["C2-D2", "C2-D2"],
  ])("%s", (formula, expected) => {
    expect(retargetSheetReferences(formula, targets)).toBe(expected);
  });

  it("quotes names with apostrophes", () => {
    expect(retargetSheetReferences("'It''s'!A1", new Map([["it's", "Bob's"]]))).toBe("'Bob''s'!A1");
  });
});
