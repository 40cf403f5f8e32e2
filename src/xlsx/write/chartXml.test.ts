import type { ChartPlan } from "../../core/types";
import { chartXml, drawingXml } from "./chartXml";

const values: Record<string, string | number> = { "1,0": "Jan", "2,0": "Feb", "1,1": 10, "2,1": 20, "1,2": 0.5, "2,2": 0.75 };
const valueAt = (row: number, column: number) => values[`${row},${column}`] ?? null;

function chart(type: ChartPlan["type"], as?: "column" | "bar" | "line"): ChartPlan {
  return {
    type,
    title: "Kostnader <tkr> & andel",
    categories: { top: 1, left: 0, bottom: 2, right: 0 },
    series: [
      { name: "Utfall", values: { top: 1, left: 1, bottom: 2, right: 1 } },
      { name: "Andel", values: { top: 1, left: 2, bottom: 2, right: 2 }, as },
    ],
    anchor: { top: 4, left: 0, bottom: 10, right: 5 },
  };
}

const groups = (xml: string) => [...xml.matchAll(/<c:(barChart|lineChart)>/g)].map((m) => m[1]);
const seriesIn = (xml: string, group: string) => [...(new RegExp(`<c:${group}>([\\s\\S]*?)</c:${group}>`).exec(xml)?.[1] ?? "").matchAll(/<c:tx><c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);

describe("chartXml", () => {
  it("draws a column chart as clustered vertical bars", () => {
    const xml = chartXml(chart("column"), "Blad 1", valueAt);
    expect(groups(xml)).toEqual(["barChart"]);
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(seriesIn(xml, "barChart")).toEqual(["Utfall", "Andel"]);
  });

  it("draws a line chart with lines only, and a column among lines as a bar group", () => {
    expect(groups(chartXml(chart("line"), "S", valueAt))).toEqual(["lineChart"]);
    const combined = chartXml(chart("line", "column"), "S", valueAt);
    expect(groups(combined)).toEqual(["barChart", "lineChart"]);
    expect(seriesIn(combined, "barChart")).toEqual(["Andel"]);
    expect(seriesIn(combined, "lineChart")).toEqual(["Utfall"]);
  });

  it("combines columns with a line series on shared axes, keeping series order numbers", () => {
    const xml = chartXml(chart("column", "line"), "S", valueAt);
    expect(groups(xml)).toEqual(["barChart", "lineChart"]);
    expect(seriesIn(xml, "lineChart")).toEqual(["Andel"]);
    expect(xml).toMatch(/<c:lineChart>[\s\S]*<c:idx val="1"\/><c:order val="1"\/>/);
    expect([...xml.matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1])).toEqual(["500000001", "500000002", "500000001", "500000002", "500000001", "500000002"]);
  });

  it("keeps every series a bar in a horizontal bar chart", () => {
    const xml = chartXml(chart("bar", "line"), "S", valueAt);
    expect(groups(xml)).toEqual(["barChart"]);
    expect(xml).toContain('<c:barDir val="bar"/>');
  });

  it("quotes the sheet in references, escapes texts and caches values", () => {
    const xml = chartXml({ ...chart("column"), valueFormat: "0 %" }, "Balans 'nyckeltal'", valueAt);
    expect(xml).toContain("<c:f>'Balans ''nyckeltal'''!$A$2:$A$3</c:f>");
    expect(xml).toContain("<a:t>Kostnader &lt;tkr&gt; &amp; andel</a:t>");
    expect(xml).toContain('<c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>Jan</c:v></c:pt><c:pt idx="1"><c:v>Feb</c:v></c:pt></c:strCache>');
    expect(xml).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>10</c:v></c:pt><c:pt idx="1"><c:v>20</c:v></c:pt>');
    expect(xml).toContain('<c:numFmt formatCode="0 %" sourceLinked="0"/>');
  });

  it("anchors each chart over its cells, bottom-right cell included", () => {
    const xml = drawingXml([{ chart: chart("column"), relId: "rId1" }]);
    expect(xml).toContain("<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row>");
    expect(xml).toContain("<xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>11</xdr:row>");
    expect(xml).toContain('r:id="rId1"');
  });
});
