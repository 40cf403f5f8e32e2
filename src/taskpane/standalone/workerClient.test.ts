import { excelJsBytes } from "../../xlsx/__tests__/packages";
import { BalansError, type Detection, type Step } from "../actions";
import type { CellPeek, Port, RunReply, WorkbookFile } from "./protocol";
import { STANDALONE_TEXT } from "./texts";
import { createWorkerClient } from "./workerClient";
import { createWorkbookSession, type WorkbookSession } from "./workbookSession";
import { serve } from "./workerHost";

/**
 * The page's client and the worker's host, joined by a real MessageChannel: every
 * message is structured-cloned as between a page and its worker.
 */
const open: MessagePort[] = [];
function channel(session: WorkbookSession) {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  serve(port2 as unknown as Port, session);
  return createWorkerClient(port1 as unknown as Port);
}
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

/** A session that answers from canned data and records what it was asked. */
function fakeSession(overrides: Partial<WorkbookSession> = {}): WorkbookSession & { calls: string[] } {
  const calls: string[] = [];
  const detection = { workbook: "x.xlsx" } as Detection;
  // Fresh bytes each time, as the real session gives: the host hands their buffer over.
  const file = (): WorkbookFile => ({ name: "x-balans.xlsx", bytes: new Uint8Array([80, 75, 3, 4]), separate: false });
  return {
    calls,
    open: (bytes, name) => (calls.push(`open ${name} ${bytes.length}`), detection),
    detect: () => (calls.push("detect"), detection),
    run: (_choices, onStep) => {
      calls.push("run");
      onStep("reading");
      onStep("checking");
      onStep("writing");
      return { outcome: { sheets: [] }, result: file() } as unknown as RunReply;
    },
    saveSettings: () => (calls.push("saveSettings"), file()),
    peek: (sheet, cell) => (calls.push(`peek ${sheet}!${cell}`), { sheet, cell, value: 42, rowLabels: ["Kirurgi"] } as CellPeek),
    ...overrides,
  };
}

describe("the worker client and host", () => {
  it("sends the chosen file as a Blob; the worker reads its bytes", async () => {
    const session = fakeSession();
    const client = channel(session);
    const detection = await client.call("open", { file: new Blob([new Uint8Array(1234)]), name: "Region.xlsx" });
    expect(detection.workbook).toBe("x.xlsx");
    expect(session.calls).toEqual(["open Region.xlsx 1234"]);
  });

  it("reports a run's steps in order, before its result, and hands over the result's bytes", async () => {
    const client = channel(fakeSession());
    const steps: Step[] = [];
    const reply = await client.call("run", { choices: { reportSheets: [], year: 2024, unit: "tkr", language: "sv" } }, (step) => steps.push(step));
    expect(steps).toEqual(["reading", "checking", "writing"]);
    expect(reply.result.bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(reply.result.bytes)).toEqual([80, 75, 3, 4]);
  });

  it("answers requests one at a time, in the order they were sent, even while a file is still being read", async () => {
    const session = fakeSession();
    // The host alone on a hand-held port, with a file that takes a while to read.
    const replies: { id: number; kind: string }[] = [];
    const port: Port = { postMessage: (message) => replies.push(message as { id: number; kind: string }), onmessage: null };
    serve(port, session);
    const slowFile = { arrayBuffer: () => new Promise<ArrayBuffer>((resolve) => setTimeout(() => resolve(new ArrayBuffer(10)), 20)) };
    const send = (data: unknown) => port.onmessage?.({ data } as MessageEvent);
    send({ id: 1, call: "open", args: { file: slowFile, name: "A.xlsx" } });
    send({ id: 2, call: "peek", args: { sheet: "Mars 2024", cell: "H12" } });
    send({ id: 3, call: "saveSettings", args: { settings: {} } });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(session.calls).toEqual(["open A.xlsx 10", "peek Mars 2024!H12", "saveSettings"]);
    expect(replies.map((reply) => `${reply.id} ${reply.kind}`)).toEqual(["1 done", "2 done", "3 done"]);
  });

  it("turns an error in the worker into a BalansError with the user's message, and keeps serving", async () => {
    const client = channel(
      fakeSession({
        detect: () => {
          throw new BalansError({ sv: "Öppna en arbetsbok först.", en: "Open a workbook first." });
        },
      }),
    );
    await expect(client.call("detect", {})).rejects.toMatchObject({ userMessage: { sv: "Öppna en arbetsbok först.", en: "Open a workbook first." } });
    await expect(client.call("peek", { sheet: "A", cell: "B2" })).resolves.toMatchObject({ value: 42 });
  });

  it("gives an unexpected error the generic message, and logs what really happened", async () => {
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const client = channel(
      fakeSession({
        detect: () => {
          throw new TypeError("x is undefined");
        },
      }),
    );
    const error = await client.call("detect", {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BalansError);
    expect((error as BalansError).userMessage.en).toMatch(/^Something went wrong/);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("fails every waiting call when the worker dies, instead of waiting for ever", async () => {
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const posted: unknown[] = [];
    const worker: Port & { onerror: ((event: Event) => void) | null } = { postMessage: (message) => posted.push(message), onmessage: null, onerror: null };
    const client = createWorkerClient(worker);
    const first = client.call("detect", {});
    const second = client.call("peek", { sheet: "A", cell: "A1" });
    expect(posted).toHaveLength(2);
    worker.onerror?.(new Event("error"));
    await expect(first).rejects.toMatchObject({ userMessage: STANDALONE_TEXT.workerFailed });
    await expect(second).rejects.toMatchObject({ userMessage: STANDALONE_TEXT.workerFailed });
    log.mockRestore();
  });

  it("carries a real session's detection, run and result across the channel", async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet("Mars 2024");
      ws.addRow(["Förvaltning", "Konto", "Budget", "Utfall"]);
      ws.addRow(["Kirurgi", 7010, 100, 130]);
    });
    const client = channel(createWorkbookSession());
    const detection = await client.call("open", { file: new Blob([bytes as BlobPart]), name: "Liten.xlsx" });
    expect(detection.sheets).toEqual([{ name: "Mars 2024", role: "report", month: 3 }]);
    const reply = await client.call("run", { choices: { reportSheets: ["Mars 2024"], year: 2024, unit: "tkr", language: "en" } });
    expect(reply.outcome.keyFigures.budgetYtd).toBe(100);
    expect(reply.outcome.keyFigures.actualYtd).toBe(130);
    expect(reply.result.name).toBe("Liten-balans.xlsx");
    expect(reply.result.bytes.length).toBeGreaterThan(bytes.length);
    const peek = await client.call("peek", { sheet: "Mars 2024", cell: "D2" });
    expect(peek).toEqual({ sheet: "Mars 2024", cell: "D2", value: 130, rowLabels: ["Kirurgi"] });
  });
});
