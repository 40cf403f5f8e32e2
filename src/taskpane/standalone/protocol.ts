import type { CellValue, Message, Settings } from "../../core/types";
import type { Detection, RunChoices, RunOutcome, Step } from "../actions";

/**
 * What the page and the engine's Web Worker say to each other. Everything is plain data
 * (structured clone); the page never sees the workbook's cells except one at a time.
 */

/** The working copy of the workbook as the user would download it now. */
export interface WorkbookFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /**
   * True when the summaries could not be written into the user's workbook (an ISO Strict
   * workbook) and are, as values, a workbook of their own.
   */
  readonly separate: boolean;
}

/** One cell of the last workbook read, for a finding the user clicked. */
export interface CellPeek {
  readonly sheet: string;
  readonly cell: string;
  /** undefined when the sheet or the cell is not in the workbook (any more). */
  readonly value: CellValue | undefined;
  /** The row's first few text cells (division, cost centre, account name …), so the user knows where it is. */
  readonly rowLabels: readonly string[];
}

export interface RunReply {
  /** The analysis without the report's detail rows, which stay in the worker: the pane never shows them and copying them would stall the page. */
  readonly outcome: RunOutcome;
  readonly result: WorkbookFile;
}

/** Each call: its arguments and its result. */
export interface Calls {
  /** A new file: read it and tell what is in it. */
  open: { args: { readonly file: Blob; readonly name: string }; result: Detection };
  /** Read the working copy again (the user's "read the workbook again"). */
  detect: { args: Record<string, never>; result: Detection };
  run: { args: { readonly choices: RunChoices }; result: RunReply };
  /** Write the settings sheet into the working copy. */
  saveSettings: { args: { readonly settings: Settings }; result: WorkbookFile };
  peek: { args: { readonly sheet: string; readonly cell: string }; result: CellPeek };
}

export type CallName = keyof Calls;

export type Request = { [K in CallName]: { readonly id: number; readonly call: K; readonly args: Calls[K]["args"] } }[CallName];

export type Reply =
  | { readonly id: number; readonly kind: "step"; readonly step: Step }
  | { readonly id: number; readonly kind: "done"; readonly result: unknown }
  | { readonly id: number; readonly kind: "failed"; readonly message: Message };

/** The part of a Worker (or a MessagePort, in tests) both sides use. */
export interface Port {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
