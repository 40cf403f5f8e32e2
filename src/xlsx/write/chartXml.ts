import { absoluteRangeA1, quoteSheetName } from "../../core/address";
import type { CellRange, ChartPlan, ChartSeries } from "../../core/types";
import { NS } from "../opc";
import { escapeXml } from "../xml";
import { textContent } from "./worksheetXml";

/** What the plan put in a cell, for the caches Excel shows before it recalculates. */
export type ValueAt = (row: number, column: number) => string | number | boolean | null;

function cellsOf(range: CellRange): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) out.push({ row: r, column: c });
  return out;
}

function reference(sheetName: string, range: CellRange): string {
  return escapeXml(`${quoteSheetName(sheetName)}!${absoluteRangeA1(range.top, range.left, range.bottom, range.right)}`);
}

function categoriesXml(sheetName: string, range: CellRange, valueAt: ValueAt): string {
  const cells = cellsOf(range);
  const points = cells
    .map(({ row, column }, i) => {
      const v = valueAt(row, column);
      return v === null || v === "" ? "" : `<c:pt idx="${i}"><c:v>${textContent(String(v))}</c:v></c:pt>`;
    })
    .join("");
  return `<c:cat><c:strRef><c:f>${reference(sheetName, range)}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${points}</c:strCache></c:strRef></c:cat>`;
}

function valuesXml(sheetName: string, range: CellRange, valueAt: ValueAt): string {
  const cells = cellsOf(range);
  const points = cells
    .map(({ row, column }, i) => {
      const v = valueAt(row, column);
      return typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "";
    })
    .join("");
  return `<c:val><c:numRef><c:f>${reference(sheetName, range)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${cells.length}"/>${points}</c:numCache></c:numRef></c:val>`;
}

function seriesXml(series: ChartSeries, index: number, kind: "bar" | "line", chart: ChartPlan, sheetName: string, valueAt: ValueAt): string {
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${textContent(series.name)}</c:v></c:tx>`;
  const data = categoriesXml(sheetName, chart.categories, valueAt) + valuesXml(sheetName, series.values, valueAt);
  if (kind === "bar") return `<c:ser>${head}<c:invertIfNegative val="0"/>${data}</c:ser>`;
  return `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${data}<c:smooth val="0"/></c:ser>`;
}

const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

/**
 * A chart part: clustered columns or bars, or lines, or columns with some series drawn as
 * lines on the same axes. A horizontal bar chart cannot share its axes with lines, so
 * there every series is a bar; its categories read from the top down, as in the table
 * beside it (reversed category axis, value axis crossing at the last category).
 */
export function chartXml(chart: ChartPlan, sheetName: string, valueAt: ValueAt): string {
  const effective = (s: ChartSeries): "bar" | "line" => {
    if (chart.type === "bar") return "bar";
    const as = s.as ?? chart.type;
    return as === "line" ? "line" : "bar";
  };
  const indexed = chart.series.map((series, index) => ({ series, index, kind: effective(series) }));
  const bars = indexed.filter((s) => s.kind === "bar");
  const lines = indexed.filter((s) => s.kind === "line");
  const axes = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  const horizontal = chart.type === "bar";
  let groups = "";
  if (bars.length || lines.length === 0) {
    groups +=
      `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      bars.map((s) => seriesXml(s.series, s.index, "bar", chart, sheetName, valueAt)).join("") +
      `<c:gapWidth val="150"/>${axes}</c:barChart>`;
  }
  if (lines.length) {
    groups +=
      `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
      lines.map((s) => seriesXml(s.series, s.index, "line", chart, sheetName, valueAt)).join("") +
      `<c:marker val="1"/>${axes}</c:lineChart>`;
  }
  const valueFormat = chart.valueFormat ? `<c:numFmt formatCode="${escapeXml(chart.valueFormat)}" sourceLinked="0"/>` : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  const categoryAxis =
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="low"/><c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>${valueFormat}<c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="sv-SE" sz="1400" b="1"/><a:t>${textContent(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:plotArea><c:layout/>${groups}${categoryAxis}${valueAxis}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** A drawing part holding one graphic frame per chart, anchored over the plan's cells. */
export function drawingXml(charts: readonly { chart: ChartPlan; relId: string }[]): string {
  const anchors = charts
    .map(({ chart, relId }, i) => {
      const { top, left, bottom, right } = chart.anchor;
      const marker = (row: number, column: number) => `<xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(top, left)}</xdr:from><xdr:to>${marker(bottom + 1, right + 1)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Diagram ${i + 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.chart}">` +
        `<c:chart xmlns:c="${NS.chart}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.drawing}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">${anchors}</xdr:wsDr>`;
}
