import { a1, columnLetters, rangeA1 } from "../core/address";
import {
  OWNER_NAME,
  ownerMark,
  type CellBlock,
  type CellRange,
  type CellStyle,
  type ChartPlan,
  type ConditionalFormatPlan,
  type OwnedSheetKind,
  type PlanCell,
  type SheetPlan,
  type WritePlan,
} from "../core/types";
import { ExcelAdapterError, officeErrorCode } from "./errors";
import type { ExcelRun } from "./host";
import { BUILDING_MARK, BUILDING_NAME, isTemporaryName } from "./leftovers";
import { DEFAULT_BYTE_BUDGET, gridJsonBytes } from "./payloadSize";
import { ownerMarkOf } from "./readWorkbook";
import { retargetSheetReferences } from "./sheetReferences";

export interface ApplyOptions {
  /** Estimated request bytes one write batch may carry (default 4 MB; the limit is 5 MB). */
  readonly maxBytesPerRequest?: number;
  /**
   * Runs first, in the same `Excel.run` as the writes; throwing stops the run before
   * anything is written (the stale-data check, see fingerprint.ts). Its syncs are not
   * counted in `syncs`.
   */
  readonly beforeWrite?: (context: Excel.RequestContext) => Promise<void>;
}

export interface ApplyResult {
  /** Round trips this call made. */
  readonly syncs: number;
  /** The sheets written, in tab order, under their final names (a plan name taken by a user's sheet gets ` (2)`). */
  readonly sheets: readonly { readonly kind: OwnedSheetKind; readonly name: string }[];
}

/**
 * Writes a plan's sheets into the open workbook, in one `Excel.run`.
 *
 * Order, so that a failure half-way leaves the previous result in place:
 * 1. read what is there: sheet and table names, workbook protection; then the owner
 *    mark and protection of the sheets the plan would replace (only those with the mark
 *    are Balans's: a user's sheet of the same name is never touched);
 * 2. add each new sheet under a temporary name and write it whole: text cells get the
 *    text format `@` first (Excel then stores whatever they say, `=…` included, as
 *    text), then each block goes as one 2D `formulas` array; then styles (one range per
 *    style run), column widths, tables, conditional formats, charts, freeze panes, tab
 *    colour, visibility and the hidden owner mark;
 * 3. delete the old owned sheets and rename the new ones (and their tables) to their
 *    final names. Formulas were written against the temporary names; Excel rewrites
 *    them on the rename.
 * If step 2 or 3 fails, the new sheets are deleted again (as long as no old one was
 * deleted yet) and the error is passed on.
 *
 * Round trips: 1 or 2 for step 1 (the second only when a sheet of a plan name exists),
 * then one per write batch: one batch unless the cells written exceed the byte budget,
 * then about ⌈bytes / (0.8 × budget)⌉. A plan under the budget (4 MB) takes at most 3
 * syncs, whatever its row count. A batch Excel refuses as too large is sent again in
 * halves; a rollback adds at most 2. Nothing is activated or selected.
 *
 * What is approximated: formula results are left to Excel (the plan's cached values
 * cannot be written through Office.js); column widths are converted from characters to
 * points for the default font (7 px per character plus 5 px padding); charts are built
 * from the first series' values and then given names, categories and further series, so
 * Excel's default colours, legend and axis titles apply.
 */
export async function applyPlan(run: ExcelRun, plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  validatePlan(plan);
  const budget = Math.max(1024, options.maxBytesPerRequest ?? DEFAULT_BYTE_BUDGET);

  return run(async (context) => {
    if (options.beforeWrite) await options.beforeWrite(context);
    let syncs = 0;
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const workbookProtection = context.workbook.protection;
    workbookProtection.load("protected");
    const workbookTables = context.workbook.tables;
    workbookTables.load("items/name");
    syncs++;
    await context.sync();
    if (workbookProtection.protected) {
      throw new ExcelAdapterError("AccessDenied", "The workbook's structure is protected.");
    }

    const inTheWay = new Set(
      [...plan.remove, ...plan.sheets.flatMap((sheet) => [sheet.name, sheet.replaces ?? ""])].filter((n) => n !== "").map(lower),
    );
    const candidates = worksheets.items
      .filter((worksheet) => inTheWay.has(lower(worksheet.name)) || isTemporaryName(worksheet.name))
      .map((worksheet) => {
        const mark = worksheet.names.getItemOrNullObject(OWNER_NAME);
        mark.load("value,formula");
        const building = worksheet.names.getItemOrNullObject(BUILDING_NAME);
        building.load("name");
        const protection = worksheet.protection;
        protection.load("protected");
        const tables = worksheet.tables;
        tables.load("items/name");
        return { name: worksheet.name, mark, building, protection, tables };
      });
    if (candidates.length > 0) {
      syncs++;
      await context.sync();
    }
    const owned = candidates.filter(
      (c) => inTheWay.has(lower(c.name)) && !c.mark.isNullObject && (ownerMarkOf(c.mark.value, c.mark.formula) ?? "").startsWith("balans:"),
    );
    // Half-built sheets of a write that could not finish (see leftovers.ts) go with the old result.
    const leftovers = candidates.filter((c) => isTemporaryName(c.name) && !c.building.isNullObject && !owned.includes(c));
    const locked = owned.find((c) => c.protection.protected);
    if (locked) {
      // Deleting a sheet the user chose to protect is not Balans's call.
      throw new ExcelAdapterError("AccessDenied", `Balans's sheet '${locked.name}' is protected.`);
    }

    const layout = planLayout(plan, {
      sheets: worksheets.items.map((w) => w.name),
      ownedToDelete: [...owned, ...leftovers].map((c) => c.name),
      tables: workbookTables.items.map((t) => t.name),
      tablesOnDeleted: [...owned, ...leftovers].flatMap((c) => c.tables.items.map((t) => t.name)),
    });
    const steps = writeSteps(plan, layout, budget);
    const built: Built = { sheets: [], tables: [] };

    // One request per batch; batches are cut by bytes only, so their number does not
    // grow with the number of sheets, rows or formats. Excel refuses an oversized request
    // before running any of it, so a refused batch is sent again in halves.
    const writeFrom = async (start: number, batchBudget: number): Promise<void> => {
      if (start >= steps.length) return;
      const end = takeBatch(steps, start, batchBudget);
      context.application.suspendApiCalculationUntilNextSync();
      for (let i = start; i < end; i++) steps[i].queue(context, built);
      syncs++;
      try {
        await context.sync();
      } catch (error) {
        if (officeErrorCode(error) === "RequestPayloadSizeLimitExceeded" && end - start > 1) return writeFrom(start, batchBudget / 2);
        throw error;
      }
      return writeFrom(end, budget);
    };
    try {
      await writeFrom(0, budget);
    } catch (error) {
      syncs += await rollback(context, layout);
      throw error;
    }
    return { syncs, sheets: plan.sheets.map((sheet, i) => ({ kind: sheet.kind, name: layout.finals[i] })) };
  });
}

// ---------------------------------------------------------------------------------------
// Names

export interface Existing {
  /** Every sheet name in the workbook. */
  readonly sheets: readonly string[];
  /** Sheets carrying Balans's owner mark that the plan replaces or removes. */
  readonly ownedToDelete: readonly string[];
  /** Every table name in the workbook. */
  readonly tables: readonly string[];
  /** Tables on the sheets about to be deleted. */
  readonly tablesOnDeleted: readonly string[];
}

export interface Layout {
  readonly deletes: readonly string[];
  /** Per plan sheet: the name it is built under, and the one it ends with. */
  readonly temps: readonly string[];
  readonly finals: readonly string[];
  /** Per plan sheet, per table: the table's final name. */
  readonly tableNames: readonly (readonly string[])[];
  /** Plan sheet names (lower case) → temporary names, for formula text. */
  readonly retarget: ReadonlyMap<string, string>;
}

const MAX_SHEET_NAME = 31;

/** Decides every name before anything is written, so no rename can clash half-way. */
export function planLayout(plan: WritePlan, existing: Existing): Layout {
  const deleting = new Set(existing.ownedToDelete.map(lower));
  const remaining = new Set(existing.sheets.map(lower).filter((n) => !deleting.has(n)));
  const finals: string[] = [];
  for (const sheet of plan.sheets) {
    const name = freeSheetName(sheet.name, remaining);
    remaining.add(lower(name));
    finals.push(name);
  }
  const taken = new Set([...existing.sheets, ...finals].map(lower));
  const temps: string[] = [];
  let k = 1;
  for (let i = 0; i < plan.sheets.length; i++) {
    while (taken.has(lower(`Balans~${k}`))) k++;
    temps.push(`Balans~${k}`);
    taken.add(lower(`Balans~${k}`));
  }
  const goneTables = new Set(existing.tablesOnDeleted.map(lower));
  const tablesLeft = new Set(existing.tables.map(lower).filter((n) => !goneTables.has(n)));
  const tableNames = plan.sheets.map((sheet) =>
    sheet.tables.map((table) => {
      const wanted = validTableName(table.name);
      let name = wanted;
      for (let n = 2; tablesLeft.has(lower(name)); n++) name = `${wanted}_${n}`;
      tablesLeft.add(lower(name));
      return name;
    }),
  );
  const retarget = new Map(plan.sheets.map((sheet, i) => [lower(sheet.name), temps[i]] as const));
  const deletes = existing.sheets.filter((n) => deleting.has(lower(n)));
  return { deletes, temps, finals, tableNames, retarget };
}

/** `name`, or `name (2)`, `name (3)` … shortened to fit Excel's 31 characters. */
function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(lower(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(lower(candidate))) return candidate;
  }
}

/**
 * A name Excel accepts for a table: letters, digits, `_` and `.`, starting with a letter
 * or `_`, not a cell reference (the .xlsx writer applies the same rules).
 */
export function validTableName(wanted: string): string {
  let name = wanted.replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(name)) name = `_${name}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*([RrCc]\d*)?$/.test(name)) name = `_${name}`;
  return name.slice(0, 255);
}

function lower(name: string): string {
  return name.toLowerCase();
}

function validatePlan(plan: WritePlan): void {
  const seen = new Set<string>();
  for (const sheet of plan.sheets) {
    if (sheet.name.length === 0 || sheet.name.length > MAX_SHEET_NAME || /[[\]:*?/\\]/.test(sheet.name) || /^'|'$/.test(sheet.name)) {
      throw new ExcelAdapterError("InvalidArgument", `Not a valid sheet name: '${sheet.name}'.`);
    }
    if (seen.has(lower(sheet.name))) throw new ExcelAdapterError("InvalidArgument", `Two sheets named '${sheet.name}'.`);
    seen.add(lower(sheet.name));
    for (const run of sheet.styleRuns) {
      if (!plan.styles[run.style]) throw new ExcelAdapterError("InvalidArgument", `Unknown style '${run.style}' on '${sheet.name}'.`);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Write steps

interface Built {
  readonly sheets: Excel.Worksheet[];
  readonly tables: Excel.Table[][];
}

export interface Step {
  /** Estimated request bytes. */
  readonly bytes: number;
  readonly queue: (context: Excel.RequestContext, built: Built) => void;
}

/** A property set or a small call, with its object path, in the request JSON. */
const SMALL_STEP = 300;

/**
 * Office.js applies a single value to every cell of a range (the documented
 * "set a formula for a range" snippet does `range.formulas = "=RAND()*17"`); its typings
 * only admit 2D arrays.
 */
function everyCell(value: string): string[][] {
  return value as unknown as string[][];
}

const TEXT_FORMAT = "@";

export function writeSteps(plan: WritePlan, layout: Layout, budget: number): Step[] {
  const steps: Step[] = plan.sheets.map((_, i) => ({
    bytes: SMALL_STEP,
    queue: (context, built) => {
      const worksheet = context.workbook.worksheets.add(layout.temps[i]);
      // Marked as under construction until it gets its final name: a leftover if that never happens.
      worksheet.names.add(BUILDING_NAME, BUILDING_MARK).visible = false;
      built.sheets[i] = worksheet;
      built.tables[i] = [];
    },
  }));
  plan.sheets.forEach((sheet, i) => {
    for (const block of sheet.blocks) steps.push(...blockSteps(i, block, layout.retarget, budget));
    steps.push(...formatSteps(i, sheet, plan.styles));
    steps.push(...objectSteps(i, sheet, layout.tableNames[i]));
  });
  if (plan.sheets.length === 0 && layout.deletes.length === 0) return steps;
  steps.push({
    bytes: SMALL_STEP * (layout.deletes.length + layout.finals.length + layout.tableNames.flat().length + 1),
    queue: (context, built) => {
      for (const name of layout.deletes) context.workbook.worksheets.getItem(name).delete();
      built.sheets.forEach((worksheet, i) => {
        worksheet.names.getItem(BUILDING_NAME).delete();
        worksheet.name = layout.finals[i];
        built.tables[i].forEach((table, k) => {
          table.name = layout.tableNames[i][k];
        });
      });
    },
  });
  return steps;
}

/** The block in row chunks under the budget: per chunk, text format first, then the cells. */
function blockSteps(sheet: number, block: CellBlock, retarget: ReadonlyMap<string, string>, budget: number): Step[] {
  const width = block.cells.reduce((max, row) => Math.max(max, row.length), 0);
  if (width === 0 || block.cells.length === 0) return [];
  const grid = block.cells.map((row) => {
    const out: (string | number | boolean | null)[] = new Array(width).fill(null);
    row.forEach((cell, c) => (out[c] = cellInput(cell, retarget)));
    return out;
  });
  const chunkBudget = budget * 0.8;
  const steps: Step[] = [];
  let start = 0;
  while (start < grid.length) {
    let end = start;
    let bytes = 2;
    while (end < grid.length) {
      const rowBytes = gridJsonBytes([grid[end]]);
      if (end > start && bytes + rowBytes > chunkBudget) break;
      bytes += rowBytes;
      end++;
    }
    const rows = grid.slice(start, end);
    const top = block.top + start;
    const texts = textRects(block.cells.slice(start, end), top, block.left);
    steps.push({
      bytes: bytes + SMALL_STEP * (texts.length + 1),
      queue: (_context, built) => {
        const worksheet = built.sheets[sheet];
        for (const rect of texts) {
          worksheet.getRange(rangeA1(rect.top, rect.left, rect.bottom, rect.right)).numberFormat = everyCell(TEXT_FORMAT);
        }
        worksheet.getRange(rangeA1(top, block.left, top + rows.length - 1, block.left + width - 1)).formulas = rows;
      },
    });
    start = end;
  }
  return steps;
}

/** What goes in the `formulas` array for a plan cell: null leaves the (new, empty) cell alone. */
function cellInput(cell: PlanCell | undefined, retarget: ReadonlyMap<string, string>): string | number | boolean | null {
  if (cell === null || cell === undefined) return null;
  if ("text" in cell) return cell.text;
  if ("number" in cell) return Number.isFinite(cell.number) ? cell.number : null;
  if ("bool" in cell) return cell.bool;
  return `=${retargetSheetReferences(cell.formula, retarget)}`;
}

/**
 * The text cells of some rows as few rectangles: runs of text cells in a row, stacked
 * while the next row has the same run (a header row, a column of names).
 */
export function textRects(rows: readonly (readonly PlanCell[])[], top: number, left: number): CellRange[] {
  const done: CellRange[] = [];
  let open = new Map<string, CellRange>();
  rows.forEach((row, r) => {
    const next = new Map<string, CellRange>();
    let c = 0;
    while (c < row.length) {
      if (!isText(row[c])) {
        c++;
        continue;
      }
      const from = c;
      while (c < row.length && isText(row[c])) c++;
      const key = `${from}:${c - 1}`;
      const above = open.get(key);
      next.set(key, above ? { ...above, bottom: top + r } : { top: top + r, bottom: top + r, left: left + from, right: left + c - 1 });
    }
    for (const [key, rect] of open) if (!next.has(key)) done.push(rect);
    open = next;
  });
  done.push(...open.values());
  return done;
}

function isText(cell: PlanCell | undefined): boolean {
  return cell !== null && cell !== undefined && "text" in cell;
}

function formatSteps(sheet: number, plan: SheetPlan, styles: Readonly<Record<string, CellStyle>>): Step[] {
  const steps: Step[] = plan.styleRuns.map((run) => ({
    bytes: SMALL_STEP * 4,
    queue: (_context, built) => {
      const { top, left, bottom, right } = run.range;
      const range = built.sheets[sheet].getRange(rangeA1(top, left, bottom, right));
      const style = styles[run.style];
      if (style.numberFormat !== undefined) range.numberFormat = everyCell(style.numberFormat);
      if (style.bold !== undefined) range.format.font.bold = style.bold;
      if (style.italic !== undefined) range.format.font.italic = style.italic;
      if (style.underline !== undefined) range.format.font.underline = style.underline ? "Single" : "None";
      if (style.fontSize !== undefined) range.format.font.size = style.fontSize;
      if (style.fontColor !== undefined) range.format.font.color = style.fontColor;
      if (style.fill !== undefined) range.format.fill.color = style.fill;
      if (style.wrap !== undefined) range.format.wrapText = style.wrap;
      if (style.horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[style.horizontal];
    },
  }));
  for (const run of widthRuns(plan.columnWidths)) {
    steps.push({
      bytes: SMALL_STEP,
      queue: (_context, built) => {
        built.sheets[sheet].getRange(`${columnLetters(run.from)}:${columnLetters(run.to)}`).format.columnWidth = run.points;
      },
    });
  }
  return steps;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

/** Column widths in characters to runs of equal widths in points. */
export function widthRuns(widths: readonly number[]): { from: number; to: number; points: number }[] {
  const runs: { from: number; to: number; points: number }[] = [];
  widths.forEach((width, column) => {
    if (width === undefined || !(width > 0)) return;
    const points = Math.round((width * 7 + 5) * 0.75 * 100) / 100;
    const last = runs[runs.length - 1];
    if (last && last.to === column - 1 && last.points === points) last.to = column;
    else runs.push({ from: column, to: column, points });
  });
  return runs;
}

function objectSteps(sheet: number, plan: SheetPlan, tableNames: readonly string[]): Step[] {
  const steps: Step[] = [];
  const at = (r: CellRange): string => rangeA1(r.top, r.left, r.bottom, r.right);
  plan.tables.forEach((table) => {
    steps.push({
      bytes: SMALL_STEP * 2,
      queue: (_context, built) => {
        const worksheet = built.sheets[sheet];
        // A Range, not an address string: a bare address would land on the active sheet.
        const added = worksheet.tables.add(worksheet.getRange(at(table.range)), true);
        added.style = table.style;
        built.tables[sheet].push(added);
      },
    });
  });
  if (tableNames.length !== plan.tables.length) throw new ExcelAdapterError("InvalidArgument", "Table names out of step.");
  for (const cf of plan.conditionalFormats) {
    steps.push({ bytes: SMALL_STEP * 4, queue: (_context, built) => addConditionalFormat(built.sheets[sheet], cf) });
  }
  for (const chart of plan.charts) {
    if (chart.series.length === 0) continue;
    steps.push({ bytes: SMALL_STEP * (4 + 4 * chart.series.length), queue: (_context, built) => addChart(built.sheets[sheet], chart) });
  }
  steps.push({
    bytes: SMALL_STEP * 5,
    queue: (_context, built) => {
      const worksheet = built.sheets[sheet];
      const freeze = plan.freeze;
      if (freeze && freeze.rows > 0 && freeze.columns > 0) {
        worksheet.freezePanes.freezeAt(worksheet.getRange(rangeA1(0, 0, freeze.rows - 1, freeze.columns - 1)));
      } else if (freeze && freeze.rows > 0) {
        worksheet.freezePanes.freezeRows(freeze.rows);
      } else if (freeze && freeze.columns > 0) {
        worksheet.freezePanes.freezeColumns(freeze.columns);
      }
      if (plan.tabColor) worksheet.tabColor = plan.tabColor;
      if (plan.hidden) worksheet.visibility = "Hidden";
      const mark = worksheet.names.add(OWNER_NAME, `="${ownerMark(plan.kind).replace(/"/g, '""')}"`);
      mark.visible = false;
    },
  });
  return steps;
}

function addConditionalFormat(worksheet: Excel.Worksheet, plan: ConditionalFormatPlan): void {
  const { top, left, bottom, right } = plan.range;
  const format = worksheet.getRange(rangeA1(top, left, bottom, right)).conditionalFormats.add("CellValue");
  const rule = plan.rule;
  // Text equality as a cell-value rule (`="Röd"`): exact, where "contains text" would
  // also match `Ej röd`. Excel compares text without regard to case.
  format.cellValue.rule =
    rule.type === "textEquals"
      ? { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: "EqualTo" }
      : { formula1: `=${rule.value}`, operator: rule.type === "lessThan" ? "LessThan" : "GreaterThan" };
  if (plan.fill !== undefined) format.cellValue.format.fill.color = plan.fill;
  if (plan.fontColor !== undefined) format.cellValue.format.font.color = plan.fontColor;
  if (plan.bold !== undefined) format.cellValue.format.font.bold = plan.bold;
}

const CHART_TYPE = { column: "ColumnClustered", bar: "BarClustered", line: "Line" } as const;

function addChart(worksheet: Excel.Worksheet, plan: ChartPlan): void {
  const range = (r: CellRange): Excel.Range => worksheet.getRange(rangeA1(r.top, r.left, r.bottom, r.right));
  const [first, ...rest] = plan.series;
  const byRows = first.values.top === first.values.bottom && first.values.left !== first.values.right;
  const chart = worksheet.charts.add(CHART_TYPE[plan.type], range(first.values), byRows ? "Rows" : "Columns");
  chart.title.text = plan.title;
  const { anchor } = plan;
  chart.setPosition(worksheet.getRange(a1(anchor.top, anchor.left)), worksheet.getRange(a1(anchor.bottom, anchor.right)));
  const head = chart.series.getItemAt(0);
  head.name = first.name;
  head.setXAxisValues(range(plan.categories));
  if (first.as && first.as !== plan.type) head.chartType = CHART_TYPE[first.as];
  for (const series of rest) {
    const added = chart.series.add(series.name);
    added.setValues(range(series.values));
    added.setXAxisValues(range(plan.categories));
    if (series.as && series.as !== plan.type) added.chartType = CHART_TYPE[series.as];
  }
  if (plan.valueFormat !== undefined) chart.axes.valueAxis.numberFormat = plan.valueFormat;
}

/** The end (exclusive) of the batch starting at `start`: steps in order while they fit, at least one. */
export function takeBatch(steps: readonly Step[], start: number, budget: number): number {
  let end = start;
  let bytes = 0;
  while (end < steps.length && (end === start || bytes + steps[end].bytes <= budget)) {
    bytes += steps[end].bytes;
    end++;
  }
  return end;
}

/**
 * Removes the half-built sheets after a failure, unless an old sheet is already gone (then
 * the new ones are all that is left of a result and stay, under their temporary names).
 * Returns the syncs it made. Its own errors are swallowed: the first error is the news.
 */
async function rollback(context: Excel.RequestContext, layout: Layout): Promise<number> {
  let syncs = 0;
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    syncs++;
    await context.sync();
    const present = new Set(worksheets.items.map((w) => lower(w.name)));
    if (!layout.deletes.every((name) => present.has(lower(name)))) return syncs;
    const temps = new Set(layout.temps.map(lower));
    const leftovers = worksheets.items.filter((w) => temps.has(lower(w.name)));
    if (leftovers.length === 0) return syncs;
    for (const worksheet of leftovers) worksheet.delete();
    syncs++;
    await context.sync();
  } catch {
    // Excel may still be unreachable; the caller reports the original failure.
  }
  return syncs;
}
