import type { Settings } from "../../core/types";
import type { BalansActions, Detection, RunChoices, RunOutcome, Step } from "../actions";
import type { CellPeek, WorkbookFile } from "./protocol";
import type { WorkerClient } from "./workerClient";

/**
 * What the page shows where Excel would act: there is no workbook window to move the
 * selection in or to bring a sheet forward, so the page says what is there instead.
 */
export type Notice =
  | { readonly kind: "cell"; readonly peek: CellPeek }
  | { readonly kind: "sheet"; readonly sheet: string }
  | { readonly kind: "settingsSaved" }
  /** More than one file dropped at once. */
  | { readonly kind: "oneFileOnly" };

export interface StandaloneHooks {
  /** The working copy changed (a run, saved settings): this is what a download gives now. */
  readonly onResult: (file: WorkbookFile) => void;
  readonly onNotice: (notice: Notice) => void;
}

export interface StandaloneActions extends BalansActions {
  /** The user opened (or dropped) a file: the next `detect` reads it. */
  choose(file: Blob, name: string): void;
}

/**
 * The pane's actions on the stand-alone page, on an .xlsx file in the browser. The work
 * happens in the engine's worker (`client`); the file is read there and never leaves
 * the browser.
 *
 * - `selectCell` tells the cell's value and its row's labels (`onNotice`);
 * - `showSheet` tells that the sheet is in the workbook to download;
 * - `saveSettings` writes Balans's settings sheet into the working copy, so the next
 *   run reads it and the download carries it; the file on the user's disk is never changed.
 */
export function createStandaloneActions(client: WorkerClient, hooks: StandaloneHooks): StandaloneActions {
  // Kept until it opens: "try again" after a failure retries the file the user chose.
  let chosen: { file: Blob; name: string } | null = null;

  const detect = async (): Promise<Detection> => {
    if (!chosen) return client.call("detect", {});
    const detection = await client.call("open", chosen);
    chosen = null;
    return detection;
  };

  const run = async (choices: RunChoices, onStep: (step: Step) => void): Promise<RunOutcome> => {
    const reply = await client.call("run", { choices }, onStep);
    hooks.onResult(reply.result);
    return reply.outcome;
  };

  return {
    choose(file, name) {
      chosen = { file, name };
    },
    detect,
    run,
    async selectCell(sheet, cell) {
      hooks.onNotice({ kind: "cell", peek: await client.call("peek", { sheet, cell }) });
    },
    async showSheet(name) {
      hooks.onNotice({ kind: "sheet", sheet: name });
    },
    async saveSettings(settings: Settings) {
      hooks.onResult(await client.call("saveSettings", { settings }));
      hooks.onNotice({ kind: "settingsSaved" });
    },
  };
}
