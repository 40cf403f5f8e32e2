import { relativeTarget, relsPathFor, resolveTarget } from "./opc";

describe("part names", () => {
  it("resolves relative, parent and absolute targets", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../media/bild%20%C3%A5.png")).toBe("xl/media/bild å.png");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });

  it("writes targets relative to the source part, as Excel does", () => {
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet3.xml")).toBe("worksheets/sheet3.xml");
    expect(relativeTarget("xl/worksheets/sheet3.xml", "xl/tables/table1.xml")).toBe("../tables/table1.xml");
    expect(relativeTarget("xl/drawings/drawing2.xml", "xl/charts/chart1.xml")).toBe("../charts/chart1.xml");
    for (const [from, to] of [["xl/workbook.xml", "xl/styles.xml"], ["xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml"], ["a/b/c.xml", "d/e.xml"]]) {
      expect(resolveTarget(from, relativeTarget(from, to))).toBe(to);
    }
  });

  it("names the relationships part of a part and of the package", () => {
    expect(relsPathFor("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPathFor("")).toBe("_rels/.rels");
  });
});
