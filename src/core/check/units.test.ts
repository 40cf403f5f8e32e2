import { RULES } from "../rules";
import fc from "fast-check";
import { median, mixedUnits } from "./units";
import { buildModel, type RowSpec, type SheetSpec } from "./testing/modelBuilder";
import { expectOne, inputOf } from "./testing/expectFinding";

/** `count` rows whose |actual| have the given median (values around it). */
function rowsAround(median: number, count = 5): RowSpec[] {
  return Array.from({ length: count }, (_, i) => ({ account: String(4000 + i), budget: median, actual: median * (0.5 + i / (count - 1)) }));
}

const sheet = (month: number, median: number, count = 5): SheetSpec => ({ month, rows: rowsAround(median, count) });

describe("UNIT-MIXED", () => {
  it("reports a month about 1000× larger than the others as kr among tkr", () => {
    const model = buildModel({ sheets: [sheet(1, 1200), sheet(2, 1300), sheet(3, 1_250_000), sheet(4, 1100)] });
    const f = expectOne(mixedUnits(inputOf(model)), { rule: RULES.mixedUnits.code, severity: "error", sheet: "Mars", cell: "G1", figures: [1_250_000, 1250, 1000] });
    expect(f.message.sv).toContain("i kr, inte i tkr");
    expect(f.message.en).toContain("look like kr, not tkr");
  });

  it("reports a month about 1000× smaller as mnkr, and ignores zero actuals for the median", () => {
    const rows = [...rowsAround(1.2), { account: "5000", actual: 0 }, { account: "5001", actual: 0 }, { account: "5002", actual: 0 }];
    const model = buildModel({ sheets: [sheet(1, 1200), { month: 2, rows }, sheet(3, 1150)] });
    const f = expectOne(mixedUnits(inputOf(model)), { rule: RULES.mixedUnits.code, severity: "error", sheet: "Februari", cell: "G1", figures: [1.2] });
    expect(f.message.en).toContain("look like mnkr");
    expect(f.message.sv).toContain("gånger mindre");
  });

  it("with two months reports the one with fewer rows", () => {
    const model = buildModel({ sheets: [sheet(1, 1_200_000, 5), sheet(2, 1200, 8)] });
    expectOne(mixedUnits(inputOf(model)), { rule: RULES.mixedUnits.code, severity: "error", sheet: "Januari", cell: "G1", figures: [1_200_000, 1200] });
  });

  it("accepts months that differ by less than 300× and months with too few rows (near miss)", () => {
    expect(mixedUnits(inputOf(buildModel({ sheets: [sheet(1, 1000), sheet(2, 1100), sheet(3, 250_000)] })))).toEqual([]);
    expect(mixedUnits(inputOf(buildModel({ sheets: [sheet(1, 1000), sheet(2, 1100), sheet(3, 1_000_000, 4)] })))).toEqual([]);
  });
});

describe("median", () => {
  it("equals the middle of the sorted values, for odd and even counts", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 60 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const mid = sorted.length >> 1;
        const expected = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        expect(median(Float64Array.from(values))).toBe(expected);
      }),
    );
  });
});
