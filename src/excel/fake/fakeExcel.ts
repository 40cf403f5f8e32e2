import type { CellValue, SheetVisibility } from "../../core/types";
import type { ExcelRun } from "../host";
import { formatAddress, parseRangeAddress, rectCells, type Rect } from "./fakeAddress";
import {
  accessDenied,
  FakeOfficeError,
  invalidArgument,
  itemAlreadyExists,
  itemNotFound,
  propertyNotLoaded,
} from "./fakeErrors";
import {
  FakeSheet,
  FakeWorkbookState,
  rawOf,
  toFakeVisibility,
  type FakeChart,
  type FakeChartSeries,
  type FakeConditionalFormat,
  type FakeName,
  type FakeRaw,
  type FakeTable,
  type FakeVisibility,
} from "./fakeState";

/**
 * A strict in-repo fake of the Excel object-model subset Balans uses. Proxies queue
 * operations; `context.sync()` sends them as one request, applies them in order to a real
 * in-memory workbook and only then fills in loaded properties. It is stricter than
 * office-addin-mock where it matters for Excel on the web:
 * - reading a property that was not loaded and synced throws `PropertyNotLoaded`;
 * - every sync counts as a request; its size is measured (UTF-8 JSON of what is sent:
 *   set values and load requests; of what comes back: the loaded properties) and a
 *   request or response over the limit (5 MB by default) fails with
 *   `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`;
 * - `…OrNullObject` gives null objects (`isNullObject`); touching a missing object fails
 *   with `ItemNotFound` at sync time;
 * - a sync while another is pending, or a run that ends with a pending sync or with
 *   queued operations never synced, throws;
 * - a protected sheet refuses writes (and, stricter than Excel, deletion and renaming)
 *   with `AccessDenied`; a protected workbook refuses adding, deleting, renaming and
 *   hiding sheets.
 * Operations of a failing request that come before the failing one stay applied, as in
 * Excel (a batch is not a transaction); loaded values of a failing request are dropped.
 * Formulas are stored, never calculated: `values` of a formula cell gives the formula
 * text where Excel would give its result (see fakeState.ts for how entries are parsed).
 * Everything it offers is listed in the classes below; anything else is undefined and
 * fails loudly, so adapter code cannot quietly depend on an API the fake does not check.
 */

export interface FakeInitialSheet {
  readonly name: string;
  readonly visibility?: SheetVisibility | FakeVisibility;
  /** Values from `top`/`left` on; null is an empty cell, `{error}` an error value. */
  readonly cells: readonly (readonly CellValue[])[];
  readonly top?: number;
  readonly left?: number;
  /** Sheet-scoped defined names: name → formula, e.g. `{ BalansOwner: '="balans:variance"' }`. */
  readonly names?: Readonly<Record<string, string>>;
  /** Formulas by A1 cell, e.g. `{ C3: "=SUM(A1:B2)" }`. */
  readonly formulas?: Readonly<Record<string, string>>;
  /** Tables already on the sheet. */
  readonly tables?: readonly { readonly name: string; readonly address: string }[];
  readonly protected?: boolean;
}

export interface FakeInitialWorkbook {
  readonly name?: string;
  readonly sheets: readonly FakeInitialSheet[];
  /** Workbook structure protection. */
  readonly protected?: boolean;
}

export interface FakeFailures {
  /** The user is editing a cell: every sync fails with `InvalidOperationInCellEditMode`. */
  readonly editMode?: boolean;
  /** Syncs after the first `failAfterSyncs` ones fail (`failCode`, default `GeneralException`)… */
  readonly failAfterSyncs?: number;
  /** …this many times (default 1; `Infinity` for a connection that never comes back). */
  readonly failTimes?: number;
  readonly failCode?: string;
}

export interface FakeOptions {
  readonly failOn?: FakeFailures;
  /** Request and response limits in bytes; Excel on the web allows 5 MB each. */
  readonly limits?: { readonly requestBytes?: number; readonly responseBytes?: number };
}

export interface FakeRequest {
  readonly bytesSent: number;
  readonly bytesReceived: number;
  /** Properties loaded, as `load` was called (`values`, `items/name`, …). */
  readonly loaded: readonly string[];
  /** The error code when the request failed. */
  readonly failed?: string;
}

export interface FakeStats {
  /** Every `context.sync()` that reached the fake, failed ones included. */
  syncs: number;
  runs: number;
  readonly requests: FakeRequest[];
  /** Sheets activated and ranges selected (Balans changes neither unless asked). */
  readonly activations: string[];
  readonly selections: string[];
  /** `suspendApiCalculationUntilNextSync` calls. */
  calculationSuspensions: number;
}

export type WriteKind =
  | "values"
  | "formulas"
  | "numberFormat"
  | "format"
  | "columnWidth"
  | "conditionalFormat"
  | "table"
  | "chart"
  | "freeze"
  | "name"
  | "addSheet"
  | "rename"
  | "delete"
  | "visibility"
  | "tabColor";

export interface WriteRecord {
  /** The sheet's name when the write was applied. */
  readonly sheet: string;
  readonly sheetId: number;
  readonly address: string;
  readonly kind: WriteKind;
}

export interface FakeExcel {
  readonly run: ExcelRun;
  readonly stats: FakeStats;
  readonly workbook: FakeWorkbookState;
  readonly writes: WriteRecord[];
}

/** 5 MB: the request and response limit of Excel on the web (taken as 5 000 000 bytes, the stricter reading). */
export const FAKE_PAYLOAD_LIMIT = 5_000_000;
/** Excel reads at most 5 million cells in one range. */
const MAX_READ_CELLS = 5_000_000;

export function createFakeExcel(initial: FakeInitialWorkbook, options: FakeOptions = {}): FakeExcel {
  const state = new FakeWorkbookState(initial.name ?? "Fake.xlsx");
  state.protected = initial.protected ?? false;
  for (const spec of initial.sheets) loadInitialSheet(state, spec);
  const session = new Session(state, options);
  const run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    session.stats.runs++;
    const context = new FakeContext(session);
    const result = await batch(context as unknown as Excel.RequestContext);
    context.close();
    return result;
  };
  return { run, stats: session.stats, workbook: state, writes: session.writes };
}

function loadInitialSheet(state: FakeWorkbookState, spec: FakeInitialSheet): void {
  const sheet = state.addSheet(spec.name, toFakeVisibility(spec.visibility));
  const top = spec.top ?? 0;
  const left = spec.left ?? 0;
  spec.cells.forEach((row, r) => row.forEach((value, c) => sheet.setRaw(top + r, left + c, rawOf(value))));
  for (const [address, formula] of Object.entries(spec.formulas ?? {})) {
    const rect = parseRangeAddress(address);
    if (!rect) throw new Error(`Fake: bad formula address ${address}`);
    sheet.setFormula(rect.top, rect.left, formula.startsWith("=") ? formula : `=${formula}`);
  }
  for (const [name, formula] of Object.entries(spec.names ?? {})) {
    sheet.names.set(name.toLowerCase(), { name, formula, visible: false });
  }
  for (const t of spec.tables ?? []) {
    const rect = parseRangeAddress(t.address);
    if (!rect) throw new Error(`Fake: bad table address ${t.address}`);
    state.renameTable(state.addTable(sheet, rect, true), t.name);
  }
  sheet.protected = spec.protected ?? false;
}

// ---------------------------------------------------------------------------------------
// Requests

interface Batch {
  received: number;
  readonly commits: (() => void)[];
}

interface Op {
  readonly payload: unknown;
  apply(batch: Batch): void;
}

const encoder = new TextEncoder();

function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

class Session {
  readonly stats: FakeStats = { syncs: 0, runs: 0, requests: [], activations: [], selections: [], calculationSuspensions: 0 };
  readonly writes: WriteRecord[] = [];
  private failuresLeft: number;
  private readonly requestLimit: number;
  private readonly responseLimit: number;

  constructor(
    readonly state: FakeWorkbookState,
    private readonly options: FakeOptions,
  ) {
    this.failuresLeft = options.failOn?.failTimes ?? 1;
    this.requestLimit = options.limits?.requestBytes ?? FAKE_PAYLOAD_LIMIT;
    this.responseLimit = options.limits?.responseBytes ?? FAKE_PAYLOAD_LIMIT;
  }

  send(ops: readonly Op[]): void {
    this.stats.syncs++;
    const failOn = this.options.failOn ?? {};
    if (failOn.editMode) {
      this.reject(0, [], "InvalidOperationInCellEditMode", "The operation isn't available while Excel is in Edit cell mode.");
    }
    if (failOn.failAfterSyncs !== undefined && this.stats.syncs > failOn.failAfterSyncs && this.failuresLeft > 0) {
      this.failuresLeft--;
      this.reject(0, [], failOn.failCode ?? "GeneralException", "Injected failure.");
    }
    const sent = jsonBytes(ops.map((op) => op.payload));
    const loaded = ops.flatMap((op) => {
      const payload = op.payload as unknown[];
      return payload[0] === "load" ? (payload[2] as string[]) : [];
    });
    if (sent > this.requestLimit) {
      this.reject(sent, loaded, "RequestPayloadSizeLimitExceeded", `The request payload size (${sent} bytes) has exceeded the limit.`);
    }
    const batch: Batch = { received: 0, commits: [] };
    try {
      for (const op of ops) op.apply(batch);
    } catch (error) {
      const code = (error as { code?: string }).code ?? "GeneralException";
      this.stats.requests.push({ bytesSent: sent, bytesReceived: 0, loaded, failed: code });
      throw error;
    }
    if (batch.received > this.responseLimit) {
      this.stats.requests.push({ bytesSent: sent, bytesReceived: 0, loaded, failed: "ResponsePayloadSizeLimitExceeded" });
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${batch.received} bytes) has exceeded the limit.`,
      );
    }
    for (const commit of batch.commits) commit();
    this.stats.requests.push({ bytesSent: sent, bytesReceived: batch.received, loaded });
  }

  private reject(sent: number, loaded: readonly string[], code: string, message: string): never {
    this.stats.requests.push({ bytesSent: sent, bytesReceived: 0, loaded, failed: code });
    throw new FakeOfficeError(code, message);
  }

  record(sheet: FakeSheet, rect: Rect | null, kind: WriteKind): void {
    this.writes.push({ sheet: sheet.name, sheetId: sheet.id, address: rect ? formatAddress(sheet.name, rect) : "", kind });
  }

  /** Cell content and formats: refused on a protected sheet. */
  guardContent(sheet: FakeSheet): void {
    if (sheet.protected) throw accessDenied(`worksheet '${sheet.name}' is protected`);
  }

  /** Adding, deleting, renaming, hiding sheets: refused in a protected workbook. */
  guardStructure(sheet?: FakeSheet): void {
    if (this.state.protected) throw accessDenied("the workbook structure is protected");
    if (sheet?.protected) throw accessDenied(`worksheet '${sheet.name}' is protected`);
  }
}

class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  private queue: Op[] = [];
  private pending = false;
  private closed = false;

  constructor(readonly session: Session) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  enqueue(op: Op): void {
    if (this.closed) throw new Error("Fake Excel: an object was used after its Excel.run ended.");
    this.queue.push(op);
  }

  sync(): Promise<void> {
    if (this.pending) {
      return Promise.reject(new Error("Fake Excel: context.sync() called while an earlier sync is still pending (missing await)."));
    }
    // What was queued before this call goes in this request; later calls go in the next.
    const ops = this.queue;
    this.queue = [];
    this.pending = true;
    // A real sync is a round trip: it resolves after the caller's code has run on.
    return new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        try {
          this.session.send(ops);
          resolve();
        } catch (error) {
          reject(error);
        } finally {
          this.pending = false;
        }
      }, 0);
    });
  }

  close(): void {
    if (this.pending) throw new Error("Fake Excel: Excel.run ended while a context.sync() was still pending (missing await).");
    if (this.queue.length > 0) {
      throw new Error(`Fake Excel: Excel.run ended with ${this.queue.length} queued operation(s) never synced (missing final context.sync()).`);
    }
    this.closed = true;
  }
}

// ---------------------------------------------------------------------------------------
// Proxies

type LoadSpec = string | string[] | { select?: string } | undefined;

function parseLoad(spec: LoadSpec): string[] {
  const text = typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec?.select ?? "");
  return text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

abstract class FakeObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private nullness: boolean | undefined;
  private memo: { target: T | null } | undefined;

  constructor(
    protected readonly ctx: FakeContext,
    readonly path: string,
  ) {}

  get context(): FakeContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullness === undefined) throw propertyNotLoaded("isNullObject");
    return this.nullness;
  }

  protected get session(): Session {
    return this.ctx.session;
  }

  /** Finds the object in the workbook (at sync time); null for a missing `…OrNullObject`. */
  protected abstract locate(): T | null;

  protected abstract property(name: string, target: T): unknown;

  /** Properties `load()` without arguments brings. */
  protected abstract readonly scalars: readonly string[];

  protected target(): T | null {
    if (!this.memo) this.memo = { target: this.locate() };
    return this.memo.target;
  }

  protected need(): T {
    const target = this.target();
    if (target === null) throw itemNotFound(this.path);
    return target;
  }

  /** Binds a proxy to an object created by an earlier operation of the same batch. */
  bind(target: T): void {
    this.memo = { target };
  }

  protected read<V>(name: string): V {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  protected preload(name: string, value: unknown): void {
    this.loaded.set(name, value);
    this.nullness = false;
  }

  load(spec?: LoadSpec): this {
    const names = parseLoad(spec);
    const wanted = names.length > 0 ? names : [...this.scalars];
    this.ctx.enqueue({
      payload: ["load", this.path, wanted],
      apply: (batch) => {
        const target = this.target();
        if (target === null) {
          batch.received += jsonBytes({ isNullObject: true });
          batch.commits.push(() => {
            this.nullness = true;
          });
          return;
        }
        const data: Record<string, unknown> = {};
        for (const name of wanted) data[name] = this.property(name, target);
        batch.received += jsonBytes(data);
        batch.commits.push(() => {
          this.nullness = false;
          for (const name of wanted) this.loaded.set(name, data[name]);
        });
      },
    });
    return this;
  }

  /** Queues an operation on this object. */
  protected op(action: string, args: unknown, apply: (target: T) => void): void {
    this.ctx.enqueue({ payload: [action, this.path, args], apply: () => apply(this.need()) });
  }

  protected unknownProperty(name: string): never {
    throw invalidArgument(`property '${name}' of ${this.path}`);
  }
}

function q(text: string): string {
  return JSON.stringify(text);
}

class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({
      payload: ["suspendApiCalculationUntilNextSync"],
      apply: () => {
        this.ctx.session.stats.calculationSuspensions++;
      },
    });
  }
}

class FakeWorkbook extends FakeObject<FakeWorkbookState> {
  protected readonly scalars = ["name"];
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly protection: FakeWorkbookProtection;

  constructor(ctx: FakeContext) {
    super(ctx, "workbook");
    this.worksheets = new FakeWorksheetCollection(ctx, "workbook.worksheets");
    this.tables = new FakeTableCollection(ctx, "workbook.tables", null);
    this.protection = new FakeWorkbookProtection(ctx, "workbook.protection");
  }

  get name(): string {
    return this.read("name");
  }

  protected locate(): FakeWorkbookState {
    return this.session.state;
  }

  protected property(name: string, target: FakeWorkbookState): unknown {
    if (name === "name") return target.name;
    return this.unknownProperty(name);
  }
}

class FakeWorkbookProtection extends FakeObject<FakeWorkbookState> {
  protected readonly scalars = ["protected"];

  get protected(): boolean {
    return this.read("protected");
  }

  protected locate(): FakeWorkbookState {
    return this.session.state;
  }

  protected property(name: string, target: FakeWorkbookState): unknown {
    if (name === "protected") return target.protected;
    return this.unknownProperty(name);
  }
}

const SHEET_SCALARS = ["name", "visibility", "tabColor", "position", "id"];

class FakeWorksheetCollection extends FakeObject<FakeSheet[]> {
  protected readonly scalars = [];
  private itemProxies: FakeWorksheet[] | undefined;

  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw propertyNotLoaded("items");
    return this.itemProxies;
  }

  protected locate(): FakeSheet[] {
    return this.session.state.sheets;
  }

  protected property(name: string): unknown {
    return this.unknownProperty(name);
  }

  override load(spec?: LoadSpec): this {
    const names = parseLoad(spec).map((n) => n.replace(/^items\//, ""));
    const wanted = names.length > 0 ? names : SHEET_SCALARS;
    this.ctx.enqueue({
      payload: ["load", this.path, wanted],
      apply: (batch) => {
        const sheets = [...this.need()];
        const data = sheets.map((sheet) => {
          const row: Record<string, unknown> = {};
          for (const name of wanted) row[name] = sheetProperty(this.session.state, sheet, name);
          return row;
        });
        batch.received += jsonBytes({ items: data });
        batch.commits.push(() => {
          this.itemProxies = sheets.map((sheet, i) => {
            const proxy = new FakeWorksheet(this.ctx, `${this.path}.getItem(${q(sheet.name)})`, () => sheet);
            for (const name of wanted) proxy.preloadProperty(name, data[i][name]);
            return proxy;
          });
        });
      },
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.getItem(${q(name)})`, () => {
      const sheet = this.session.state.sheet(name);
      if (!sheet) throw itemNotFound(`worksheet '${name}'`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.getItemOrNullObject(${q(name)})`, () => this.session.state.sheet(name) ?? null);
  }

  add(name?: string): FakeWorksheet {
    if (name === undefined) throw invalidArgument("the fake needs a name for worksheets.add");
    const proxy = new FakeWorksheet(this.ctx, `${this.path}.add(${q(name)})`, () => {
      throw itemNotFound(`worksheet '${name}' (not added)`);
    });
    this.ctx.enqueue({
      payload: ["add", this.path, name],
      apply: () => {
        this.session.guardStructure();
        const sheet = this.session.state.addSheet(name);
        proxy.bind(sheet);
        this.session.record(sheet, null, "addSheet");
      },
    });
    return proxy;
  }
}

function sheetProperty(state: FakeWorkbookState, sheet: FakeSheet, name: string): unknown {
  switch (name) {
    case "name":
      return sheet.name;
    case "visibility":
      return sheet.visibility;
    case "tabColor":
      return sheet.tabColor;
    case "position":
      return state.sheets.indexOf(sheet);
    case "id":
      return `{sheet-${sheet.id}}`;
    default:
      throw invalidArgument(`worksheet property '${name}'`);
  }
}

class FakeWorksheet extends FakeObject<FakeSheet> {
  protected readonly scalars = SHEET_SCALARS;
  private children: {
    names?: FakeNamedItemCollection;
    tables?: FakeTableCollection;
    charts?: FakeChartCollection;
    freezePanes?: FakeFreezePanes;
    protection?: FakeWorksheetProtection;
  } = {};

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly finder: () => FakeSheet | null,
  ) {
    super(ctx, path);
  }

  protected locate(): FakeSheet | null {
    return this.finder();
  }

  /** The sheet, at sync time (for child proxies). */
  sheet(): FakeSheet {
    return this.need();
  }

  preloadProperty(name: string, value: unknown): void {
    this.preload(name, value);
  }

  protected property(name: string, target: FakeSheet): unknown {
    return sheetProperty(this.session.state, target, name);
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    this.op("set", { name: value }, (sheet) => {
      this.session.guardStructure(sheet);
      this.session.state.renameSheet(sheet, value);
      this.session.record(sheet, null, "rename");
    });
  }

  get visibility(): FakeVisibility {
    return this.read("visibility");
  }

  set visibility(value: FakeVisibility) {
    this.op("set", { visibility: value }, (sheet) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) throw invalidArgument(`visibility '${value}'`);
      this.session.guardStructure();
      if (value !== "Visible" && !this.session.state.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      sheet.visibility = value;
      this.session.record(sheet, null, "visibility");
    });
  }

  get tabColor(): string {
    return this.read("tabColor");
  }

  set tabColor(value: string) {
    this.op("set", { tabColor: value }, (sheet) => {
      if (value !== "" && !/^#[0-9A-Fa-f]{6}$/.test(value)) throw invalidArgument(`tab colour '${value}'`);
      this.session.guardContent(sheet);
      sheet.tabColor = value;
      this.session.record(sheet, null, "tabColor");
    });
  }

  get names(): FakeNamedItemCollection {
    return (this.children.names ??= new FakeNamedItemCollection(this.ctx, `${this.path}.names`, this));
  }

  get tables(): FakeTableCollection {
    return (this.children.tables ??= new FakeTableCollection(this.ctx, `${this.path}.tables`, this));
  }

  get charts(): FakeChartCollection {
    return (this.children.charts ??= new FakeChartCollection(this.ctx, `${this.path}.charts`, this));
  }

  get freezePanes(): FakeFreezePanes {
    return (this.children.freezePanes ??= new FakeFreezePanes(this.ctx, `${this.path}.freezePanes`, this));
  }

  get protection(): FakeWorksheetProtection {
    return (this.children.protection ??= new FakeWorksheetProtection(this.ctx, `${this.path}.protection`, this));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange(${q(address ?? "")})`, () => {
      const rect = address === undefined ? null : parseRangeAddress(address);
      if (!rect) throw invalidArgument(`range address '${address}'`);
      return { sheet: this.sheet(), rect };
    });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getUsedRange(${Boolean(valuesOnly)})`, () => {
      const sheet = this.sheet();
      // Excel's used range of an empty sheet is A1.
      return { sheet, rect: sheet.usedRect() ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getUsedRangeOrNullObject(${Boolean(valuesOnly)})`, () => {
      const sheet = this.sheet();
      const rect = sheet.usedRect();
      return rect ? { sheet, rect } : null;
    });
  }

  delete(): void {
    this.op("delete", null, (sheet) => {
      this.session.guardStructure(sheet);
      this.session.state.deleteSheet(sheet);
      this.session.record(sheet, null, "delete");
    });
  }

  activate(): void {
    this.op("activate", null, (sheet) => {
      this.session.stats.activations.push(sheet.name);
    });
  }
}

class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  protected readonly scalars = ["protected"];

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, path);
  }

  get protected(): boolean {
    return this.read("protected");
  }

  protected locate(): FakeSheet {
    return this.worksheet.sheet();
  }

  protected property(name: string, target: FakeSheet): unknown {
    if (name === "protected") return target.protected;
    return this.unknownProperty(name);
  }
}

// --- names ------------------------------------------------------------------------------

class FakeNamedItemCollection extends FakeObject<FakeSheet> {
  protected readonly scalars = [];

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, path);
  }

  protected locate(): FakeSheet {
    return this.worksheet.sheet();
  }

  protected property(name: string): unknown {
    return this.unknownProperty(name);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.ctx,
      `${this.path}.getItem(${q(name)})`,
      () => {
        const item = this.need().names.get(name.toLowerCase());
        if (!item) throw itemNotFound(`name '${name}'`);
        return item;
      },
      () => this.need(),
    );
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.ctx,
      `${this.path}.getItemOrNullObject(${q(name)})`,
      () => this.need().names.get(name.toLowerCase()) ?? null,
      () => this.need(),
    );
  }

  add(name: string, reference: unknown, comment?: string): FakeNamedItem {
    const proxy = new FakeNamedItem(this.ctx, `${this.path}.add(${q(name)})`, () => {
      throw itemNotFound(`name '${name}' (not added)`);
    });
    this.ctx.enqueue({
      payload: ["add", this.path, [name, reference, comment ?? ""]],
      apply: () => {
        const sheet = this.need();
        this.session.guardContent(sheet);
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) throw invalidArgument(`name '${name}'`);
        if (sheet.names.has(name.toLowerCase())) throw itemAlreadyExists(`name '${name}'`);
        if (typeof reference !== "string") throw invalidArgument("the fake takes names as formula text");
        const item: FakeName = { name, formula: reference.startsWith("=") ? reference : `=${reference}`, visible: true };
        sheet.names.set(name.toLowerCase(), item);
        proxy.bind(item);
        this.session.record(sheet, null, "name");
      },
    });
    return proxy;
  }
}

class FakeNamedItem extends FakeObject<FakeName> {
  protected readonly scalars = ["name", "value", "formula", "visible", "type"];

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly finder: () => FakeName | null,
    /** The sheet a sheet-scoped name belongs to (for `delete`). */
    private readonly owner?: () => FakeSheet,
  ) {
    super(ctx, path);
  }

  delete(): void {
    this.op("delete", null, (item) => {
      const sheet = this.owner?.();
      if (!sheet) throw invalidArgument("the fake deletes sheet-scoped names only");
      this.session.guardContent(sheet);
      sheet.names.delete(item.name.toLowerCase());
      this.session.record(sheet, null, "name");
    });
  }

  protected locate(): FakeName | null {
    return this.finder();
  }

  get name(): string {
    return this.read("name");
  }

  get value(): unknown {
    return this.read("value");
  }

  get formula(): string {
    return this.read("formula");
  }

  get type(): string {
    return this.read("type");
  }

  get visible(): boolean {
    return this.read("visible");
  }

  set visible(value: boolean) {
    this.op("set", { visible: value }, (item) => {
      item.visible = value;
    });
  }

  protected property(name: string, target: FakeName): unknown {
    const constant = nameConstant(target.formula);
    switch (name) {
      case "name":
        return target.name;
      case "formula":
        return target.formula;
      case "visible":
        return target.visible;
      case "value":
        return constant === undefined ? target.formula.slice(1) : constant;
      case "type":
        return typeof constant === "string" ? "String" : typeof constant === "number" ? "Double" : typeof constant === "boolean" ? "Boolean" : "Range";
      default:
        return this.unknownProperty(name);
    }
  }
}

/** The constant a name's formula stands for (`="x"` → `x`), or undefined for a reference. */
function nameConstant(formula: string): string | number | boolean | undefined {
  const text = /^="((?:[^"]|"")*)"$/.exec(formula);
  if (text) return text[1].replace(/""/g, '"');
  const body = formula.slice(1);
  if (/^[+-]?\d+(\.\d+)?$/.test(body)) return Number(body);
  if (/^(TRUE|FALSE)$/i.test(body)) return body.toUpperCase() === "TRUE";
  return undefined;
}

// --- ranges -----------------------------------------------------------------------------

interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

type Grid = unknown[][];

class FakeRange extends FakeObject<RangeTarget> {
  protected readonly scalars = ["address", "rowCount", "columnCount", "rowIndex", "columnIndex", "values", "formulas", "numberFormat"];
  private formatProxy: FakeRangeFormat | undefined;
  private cfProxy: FakeConditionalFormatCollection | undefined;

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly finder: () => RangeTarget | null,
  ) {
    super(ctx, path);
  }

  protected locate(): RangeTarget | null {
    return this.finder();
  }

  /** The range, at sync time (for child proxies and charts). */
  range(): RangeTarget {
    return this.need();
  }

  get address(): string {
    return this.read("address");
  }

  get rowCount(): number {
    return this.read("rowCount");
  }

  get columnCount(): number {
    return this.read("columnCount");
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }

  get columnIndex(): number {
    return this.read("columnIndex");
  }

  get values(): FakeRaw[][] {
    return this.read("values");
  }

  set values(input: unknown) {
    this.write("values", input, (sheet, r, c, v) => sheet.enter(r, c, v));
  }

  get formulas(): FakeRaw[][] {
    return this.read("formulas");
  }

  set formulas(input: unknown) {
    this.write("formulas", input, (sheet, r, c, v) => sheet.enter(r, c, v));
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }

  set numberFormat(input: unknown) {
    this.write("numberFormat", input, (sheet, r, c, v) => {
      if (v === null || v === undefined) return;
      if (typeof v !== "string") throw invalidArgument("number format must be text");
      sheet.setNumberFormat(r, c, v);
    });
  }

  select(): void {
    this.op("select", null, ({ sheet, rect }) => {
      this.session.stats.selections.push(formatAddress(sheet.name, rect));
    });
  }

  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.ctx, `${this.path}.format`, this));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.cfProxy ??= new FakeConditionalFormatCollection(this.ctx, `${this.path}.conditionalFormats`, this));
  }

  protected property(name: string, { sheet, rect }: RangeTarget): unknown {
    switch (name) {
      case "address":
        return formatAddress(sheet.name, rect);
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "values":
        return gridOf(rect, (r, c) => sheet.raw(r, c));
      case "formulas":
        return gridOf(rect, (r, c) => sheet.formula(r, c) ?? sheet.raw(r, c));
      case "numberFormat":
        return gridOf(rect, (r, c) => sheet.numberFormat(r, c));
      default:
        return this.unknownProperty(name);
    }
  }

  /** A 2D array must match the range; a single value is applied to every cell. */
  private write(kind: "values" | "formulas" | "numberFormat", input: unknown, put: (sheet: FakeSheet, r: number, c: number, v: unknown) => void): void {
    this.op("set", { [kind]: input }, ({ sheet, rect }) => {
      this.session.guardContent(sheet);
      const rows = rect.bottom - rect.top + 1;
      const columns = rect.right - rect.left + 1;
      if (Array.isArray(input)) {
        const grid = input as Grid;
        if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== columns)) {
          throw invalidArgument(
            `the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${columns})`,
          );
        }
        for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) put(sheet, rect.top + r, rect.left + c, grid[r][c]);
      } else {
        // A single value goes to every cell; null is only valid inside a 2D array.
        if (input === null || input === undefined) throw invalidArgument(`${kind} set to null`);
        for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) put(sheet, rect.top + r, rect.left + c, input);
      }
      this.session.record(sheet, rect, kind);
    });
  }
}

function gridOf(rect: Rect, cell: (r: number, c: number) => unknown): unknown[][] {
  if (rectCells(rect) > MAX_READ_CELLS) {
    throw new FakeOfficeError("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
  }
  const rows: unknown[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: unknown[] = new Array(rect.right - rect.left + 1);
    for (let c = rect.left; c <= rect.right; c++) row[c - rect.left] = cell(r, c);
    rows.push(row);
  }
  return rows;
}

/** Format objects record range-level property sets (one record per set, not per cell). */
abstract class FakeFormatPart extends FakeObject<RangeTarget> {
  protected readonly scalars = [];

  constructor(
    ctx: FakeContext,
    path: string,
    protected readonly owner: FakeRange,
  ) {
    super(ctx, path);
  }

  protected locate(): RangeTarget {
    return this.owner.range();
  }

  protected property(name: string): unknown {
    return this.unknownProperty(name);
  }

  protected setFormat(property: string, value: unknown, check?: (value: unknown) => boolean): void {
    this.op("set", { [property]: value }, ({ sheet, rect }) => {
      if (check && !check(value)) throw invalidArgument(`${property} '${String(value)}'`);
      this.session.guardContent(sheet);
      sheet.formats.push({ rect, property, value });
      this.session.record(sheet, rect, "format");
    });
  }
}

const isColor = (v: unknown): boolean => typeof v === "string" && /^#[0-9A-Fa-f]{6}$/.test(v);

class FakeRangeFormat extends FakeFormatPart {
  private fontProxy: FakeRangeFont | undefined;
  private fillProxy: FakeRangeFill | undefined;

  get font(): FakeRangeFont {
    return (this.fontProxy ??= new FakeRangeFont(this.ctx, `${this.path}.font`, this.owner));
  }

  get fill(): FakeRangeFill {
    return (this.fillProxy ??= new FakeRangeFill(this.ctx, `${this.path}.fill`, this.owner));
  }

  set wrapText(value: boolean) {
    this.setFormat("wrapText", value, (v) => typeof v === "boolean");
  }

  set horizontalAlignment(value: string) {
    this.setFormat("horizontalAlignment", value, (v) =>
      ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(v as string),
    );
  }

  set columnWidth(value: number) {
    this.op("set", { columnWidth: value }, ({ sheet, rect }) => {
      if (typeof value !== "number" || !(value >= 0)) throw invalidArgument(`column width ${value}`);
      this.session.guardContent(sheet);
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, value);
      this.session.record(sheet, rect, "columnWidth");
    });
  }
}

class FakeRangeFont extends FakeFormatPart {
  set bold(value: boolean) {
    this.setFormat("font.bold", value, (v) => typeof v === "boolean");
  }

  set italic(value: boolean) {
    this.setFormat("font.italic", value, (v) => typeof v === "boolean");
  }

  set size(value: number) {
    this.setFormat("font.size", value, (v) => typeof v === "number" && v > 0 && v <= 409);
  }

  set color(value: string) {
    this.setFormat("font.color", value, isColor);
  }

  set underline(value: string) {
    this.setFormat("font.underline", value, (v) => ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"].includes(v as string));
  }
}

class FakeRangeFill extends FakeFormatPart {
  set color(value: string) {
    this.setFormat("fill.color", value, isColor);
  }
}

// --- conditional formats ----------------------------------------------------------------

class FakeConditionalFormatCollection extends FakeFormatPart {
  add(type: string): FakeConditionalFormatProxy {
    const proxy = new FakeConditionalFormatProxy(this.ctx, `${this.path}.add(${q(type)})`);
    this.ctx.enqueue({
      payload: ["add", this.path, type],
      apply: () => {
        const { sheet, rect } = this.owner.range();
        if (!["CellValue", "ContainsText", "Custom"].includes(type)) throw invalidArgument(`conditional format type '${type}' (not in the fake)`);
        this.session.guardContent(sheet);
        const cf: FakeConditionalFormat = { rect, type, format: {} };
        sheet.conditionalFormats.push(cf);
        proxy.attach(cf, sheet);
        this.session.record(sheet, rect, "conditionalFormat");
      },
    });
    return proxy;
  }
}

class FakeConditionalFormatProxy {
  state: FakeConditionalFormat | undefined;
  sheet: FakeSheet | undefined;
  private cellValueProxy: FakeCellValueFormat | undefined;

  constructor(
    private readonly ctx: FakeContext,
    readonly path: string,
  ) {}

  attach(state: FakeConditionalFormat, sheet: FakeSheet): void {
    this.state = state;
    this.sheet = sheet;
  }

  get cellValue(): FakeCellValueFormat {
    return (this.cellValueProxy ??= new FakeCellValueFormat(this.ctx, `${this.path}.cellValue`, this));
  }
}

class FakeCellValueFormat {
  readonly format: { fill: { color: string }; font: { color: string; bold: boolean } };

  constructor(
    private readonly ctx: FakeContext,
    readonly path: string,
    private readonly owner: FakeConditionalFormatProxy,
  ) {
    const set = (property: string, value: unknown, apply: (cf: FakeConditionalFormat) => void): void => {
      this.ctx.enqueue({
        payload: ["set", `${this.path}.${property}`, value],
        apply: () => {
          const cf = this.resolve();
          apply(cf);
        },
      });
    };
    const fill = {} as { color: string };
    Object.defineProperty(fill, "color", {
      set: (v: string) => set("format.fill.color", v, (cf) => (cf.format.fill = checked(v, isColor))),
    });
    const font = {} as { color: string; bold: boolean };
    Object.defineProperty(font, "color", {
      set: (v: string) => set("format.font.color", v, (cf) => (cf.format.fontColor = checked(v, isColor))),
    });
    Object.defineProperty(font, "bold", {
      set: (v: boolean) => set("format.font.bold", v, (cf) => (cf.format.bold = checked(v, (x) => typeof x === "boolean"))),
    });
    this.format = { fill, font };
  }

  set rule(rule: { formula1: string; formula2?: string; operator: string }) {
    this.ctx.enqueue({
      payload: ["set", `${this.path}.rule`, rule],
      apply: () => {
        const cf = this.resolve();
        const operators = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];
        if (!operators.includes(rule.operator) || typeof rule.formula1 !== "string") throw invalidArgument("conditional format rule");
        cf.rule = { ...rule };
      },
    });
  }

  private resolve(): FakeConditionalFormat {
    const cf = this.owner.state;
    if (!cf) throw itemNotFound(this.path);
    if (cf.type !== "CellValue") throw new FakeOfficeError("InvalidOperation", `cellValue of a ${cf.type} conditional format`);
    return cf;
  }
}

function checked<V>(value: V, ok: (value: unknown) => boolean): V {
  if (!ok(value)) throw invalidArgument(`value '${String(value)}'`);
  return value;
}

// --- tables -----------------------------------------------------------------------------

class FakeTableCollection extends FakeObject<FakeTable[]> {
  protected readonly scalars = [];
  private itemProxies: FakeTableProxy[] | undefined;

  constructor(
    ctx: FakeContext,
    path: string,
    /** null: the workbook's collection. */
    private readonly worksheet: FakeWorksheet | null,
  ) {
    super(ctx, path);
  }

  get items(): FakeTableProxy[] {
    if (!this.itemProxies) throw propertyNotLoaded("items");
    return this.itemProxies;
  }

  protected locate(): FakeTable[] {
    const all = this.session.state.tables;
    if (!this.worksheet) return all;
    const sheet = this.worksheet.sheet();
    return all.filter((t) => t.sheetId === sheet.id);
  }

  protected property(name: string): unknown {
    return this.unknownProperty(name);
  }

  override load(spec?: LoadSpec): this {
    const names = parseLoad(spec).map((n) => n.replace(/^items\//, ""));
    const wanted = names.length > 0 ? names : ["name", "style"];
    this.ctx.enqueue({
      payload: ["load", this.path, wanted],
      apply: (batch) => {
        const tables = [...this.need()];
        const data = tables.map((t) => Object.fromEntries(wanted.map((n) => [n, tableProperty(t, n)])));
        batch.received += jsonBytes({ items: data });
        batch.commits.push(() => {
          this.itemProxies = tables.map((t, i) => {
            const proxy = new FakeTableProxy(this.ctx, `${this.path}.getItem(${q(t.name)})`, () => t);
            for (const n of wanted) proxy.preloadProperty(n, data[i][n]);
            return proxy;
          });
        });
      },
    });
    return this;
  }

  getItemOrNullObject(name: string): FakeTableProxy {
    return new FakeTableProxy(this.ctx, `${this.path}.getItemOrNullObject(${q(name)})`, () => {
      const table = this.session.state.table(name);
      return table && this.need().includes(table) ? table : null;
    });
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTableProxy {
    const proxy = new FakeTableProxy(this.ctx, `${this.path}.add()`, () => {
      throw itemNotFound("table (not added)");
    });
    this.ctx.enqueue({
      payload: ["add", this.path, [typeof address === "string" ? address : address.path, hasHeaders]],
      apply: () => {
        let target: RangeTarget;
        if (typeof address === "string") {
          if (!this.worksheet) throw invalidArgument("the fake adds tables through a worksheet");
          const rect = parseRangeAddress(address);
          if (!rect) throw invalidArgument(`table address '${address}'`);
          target = { sheet: this.worksheet.sheet(), rect };
        } else {
          target = address.range();
        }
        this.session.guardContent(target.sheet);
        const table = this.session.state.addTable(target.sheet, target.rect, hasHeaders);
        proxy.bind(table);
        this.session.record(target.sheet, target.rect, "table");
      },
    });
    return proxy;
  }
}

function tableProperty(table: FakeTable, name: string): unknown {
  switch (name) {
    case "name":
      return table.name;
    case "style":
      return table.style;
    case "id":
      return `{table-${table.name}}`;
    default:
      throw invalidArgument(`table property '${name}'`);
  }
}

class FakeTableProxy extends FakeObject<FakeTable> {
  protected readonly scalars = ["name", "style", "id"];

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly finder: () => FakeTable | null,
  ) {
    super(ctx, path);
  }

  protected locate(): FakeTable | null {
    return this.finder();
  }

  preloadProperty(name: string, value: unknown): void {
    this.preload(name, value);
  }

  protected property(name: string, target: FakeTable): unknown {
    return tableProperty(target, name);
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    this.op("set", { name: value }, (table) => {
      const sheet = this.sheetOf(table);
      this.session.guardContent(sheet);
      this.session.state.renameTable(table, value);
      this.session.record(sheet, table.rect, "table");
    });
  }

  get style(): string {
    return this.read("style");
  }

  set style(value: string) {
    this.op("set", { style: value }, (table) => {
      if (!/^(TableStyle(Light|Medium|Dark)\d{1,2}|)$/.test(value)) throw invalidArgument(`table style '${value}'`);
      const sheet = this.sheetOf(table);
      this.session.guardContent(sheet);
      table.style = value;
      this.session.record(sheet, table.rect, "table");
    });
  }

  private sheetOf(table: FakeTable): FakeSheet {
    const sheet = this.session.state.sheetById(table.sheetId);
    if (!sheet) throw itemNotFound(`sheet of table '${table.name}'`);
    return sheet;
  }
}

// --- charts -----------------------------------------------------------------------------

const CHART_TYPES = ["ColumnClustered", "ColumnStacked", "BarClustered", "BarStacked", "Line", "LineMarkers", "Pie", "Area"];

interface ChartTarget {
  readonly sheet: FakeSheet;
  readonly chart: FakeChart;
}

class FakeChartCollection extends FakeObject<FakeSheet> {
  protected readonly scalars = [];

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, path);
  }

  protected locate(): FakeSheet {
    return this.worksheet.sheet();
  }

  protected property(name: string): unknown {
    return this.unknownProperty(name);
  }

  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChartProxy {
    const proxy = new FakeChartProxy(this.ctx, `${this.path}.add(${q(type)})`);
    this.ctx.enqueue({
      payload: ["add", this.path, [type, sourceData.path, seriesBy ?? "Auto"]],
      apply: () => {
        const sheet = this.need();
        if (!CHART_TYPES.includes(type)) throw invalidArgument(`chart type '${type}' (not in the fake)`);
        const source = sourceData.range();
        this.session.guardContent(sheet);
        const { rect } = source;
        const rows = rect.bottom - rect.top + 1;
        const columns = rect.right - rect.left + 1;
        const byRows = seriesBy === "Rows" || ((seriesBy ?? "Auto") === "Auto" && columns > rows);
        const series: FakeChartSeries[] = [];
        const count = byRows ? rows : columns;
        for (let i = 0; i < count; i++) {
          const values = byRows
            ? { top: rect.top + i, bottom: rect.top + i, left: rect.left, right: rect.right }
            : { top: rect.top, bottom: rect.bottom, left: rect.left + i, right: rect.left + i };
          series.push({ name: `Series${i + 1}`, values: { sheetId: source.sheet.id, rect: values }, categories: null });
        }
        const chart: FakeChart = { type, name: `Chart ${sheet.charts.length + 1}`, title: "", series };
        sheet.charts.push(chart);
        proxy.attach({ sheet, chart });
        this.session.record(sheet, rect, "chart");
      },
    });
    return proxy;
  }
}

/** Chart parts share one shape: operations resolved through the chart they belong to. */
class FakeChartPart {
  constructor(
    protected readonly ctx: FakeContext,
    readonly path: string,
    protected readonly chartOf: () => ChartTarget,
  ) {}

  protected change(property: string, value: unknown, apply: (target: ChartTarget) => void): void {
    this.ctx.enqueue({
      payload: ["set", this.path, { [property]: value }],
      apply: () => {
        const target = this.chartOf();
        this.ctx.session.guardContent(target.sheet);
        apply(target);
        this.ctx.session.record(target.sheet, null, "chart");
      },
    });
  }
}

class FakeChartProxy extends FakeChartPart {
  private target: ChartTarget | undefined;
  readonly title: { text: string };
  readonly series: FakeChartSeriesCollection;
  readonly axes: { valueAxis: { numberFormat: string }; categoryAxis: { numberFormat: string } };

  constructor(ctx: FakeContext, path: string) {
    super(ctx, path, () => {
      if (!this.target) throw itemNotFound(`${path} (not added)`);
      return this.target;
    });
    const title = {} as { text: string };
    Object.defineProperty(title, "text", {
      set: (v: string) => this.change("title.text", v, ({ chart }) => (chart.title = checked(v, (x) => typeof x === "string"))),
    });
    this.title = title;
    this.series = new FakeChartSeriesCollection(ctx, `${path}.series`, this.chartOf);
    const valueAxis = {} as { numberFormat: string };
    Object.defineProperty(valueAxis, "numberFormat", {
      set: (v: string) => this.change("axes.valueAxis.numberFormat", v, ({ chart }) => (chart.valueAxisNumberFormat = v)),
    });
    const categoryAxis = {} as { numberFormat: string };
    Object.defineProperty(categoryAxis, "numberFormat", {
      set: (v: string) => this.change("axes.categoryAxis.numberFormat", v, () => undefined),
    });
    this.axes = { valueAxis, categoryAxis };
  }

  attach(target: ChartTarget): void {
    this.target = target;
  }

  set name(value: string) {
    this.change("name", value, ({ chart }) => (chart.name = value));
  }

  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const cell = (c: string | FakeRange | undefined): string | undefined => {
      if (c === undefined) return undefined;
      if (typeof c !== "string") return formatAddress("x", c.range().rect).replace(/^x!/, "");
      if (!parseRangeAddress(c)) throw invalidArgument(`chart position '${c}'`);
      return c;
    };
    this.change("position", [typeof startCell === "string" ? startCell : startCell.path, typeof endCell === "string" ? endCell : endCell?.path], ({ chart }) => {
      const start = cell(startCell)!;
      chart.position = { start, end: cell(endCell) ?? start };
    });
  }
}

class FakeChartSeriesCollection extends FakeChartPart {
  getItemAt(index: number): FakeChartSeriesProxy {
    return new FakeChartSeriesProxy(this.ctx, `${this.path}.getItemAt(${index})`, this.chartOf, (chart) => {
      const series = chart.series[index];
      if (!series) throw itemNotFound(`chart series ${index}`);
      return series;
    });
  }

  add(name?: string): FakeChartSeriesProxy {
    let created: FakeChartSeries | undefined;
    this.change("add", name ?? null, ({ chart }) => {
      created = { name: name ?? `Series${chart.series.length + 1}`, values: null, categories: null };
      chart.series.push(created);
    });
    return new FakeChartSeriesProxy(this.ctx, `${this.path}.add(${q(name ?? "")})`, this.chartOf, () => {
      if (!created) throw itemNotFound("chart series (not added)");
      return created;
    });
  }
}

class FakeChartSeriesProxy extends FakeChartPart {
  constructor(
    ctx: FakeContext,
    path: string,
    chartOf: () => ChartTarget,
    private readonly seriesOf: (chart: FakeChart) => FakeChartSeries,
  ) {
    super(ctx, path, chartOf);
  }

  set name(value: string) {
    this.change("name", value, ({ chart }) => (this.seriesOf(chart).name = value));
  }

  set chartType(value: string) {
    this.change("chartType", value, ({ chart }) => {
      if (!CHART_TYPES.includes(value)) throw invalidArgument(`chart type '${value}'`);
      this.seriesOf(chart).chartType = value;
    });
  }

  setValues(sourceData: FakeRange): void {
    this.change("values", sourceData.path, ({ chart }) => {
      const { sheet, rect } = sourceData.range();
      this.seriesOf(chart).values = { sheetId: sheet.id, rect };
    });
  }

  setXAxisValues(sourceData: FakeRange): void {
    this.change("xAxisValues", sourceData.path, ({ chart }) => {
      const { sheet, rect } = sourceData.range();
      this.seriesOf(chart).categories = { sheetId: sheet.id, rect };
    });
  }
}

// --- freeze panes -----------------------------------------------------------------------

class FakeFreezePanes extends FakeObject<FakeSheet> {
  protected readonly scalars = [];

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(ctx, path);
  }

  protected locate(): FakeSheet {
    return this.worksheet.sheet();
  }

  protected property(name: string): unknown {
    return this.unknownProperty(name);
  }

  freezeRows(count = 1): void {
    this.freeze("freezeRows", count, () => ({ rows: count, columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this.freeze("freezeColumns", count, () => ({ rows: 0, columns: count }));
  }

  freezeAt(frozenRange: string | FakeRange): void {
    this.freeze("freezeAt", typeof frozenRange === "string" ? frozenRange : frozenRange.path, () => {
      const rect = typeof frozenRange === "string" ? parseRangeAddress(frozenRange) : frozenRange.range().rect;
      if (!rect || rect.top !== 0 || rect.left !== 0) throw invalidArgument("freezeAt needs a range from A1");
      return { rows: rect.bottom + 1, columns: rect.right + 1 };
    });
  }

  unfreeze(): void {
    this.freeze("unfreeze", null, () => undefined);
  }

  private freeze(action: string, args: unknown, panes: () => { rows: number; columns: number } | undefined): void {
    this.op(action, args, (sheet) => {
      this.session.guardContent(sheet);
      const value = panes();
      if (value && (!Number.isInteger(value.rows) || !Number.isInteger(value.columns) || value.rows < 0 || value.columns < 0)) {
        throw invalidArgument("freeze count");
      }
      sheet.freeze = value;
      this.session.record(sheet, null, "freeze");
    });
  }
}
