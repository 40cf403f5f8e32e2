import type { Message } from "../../core/types";
import { isXlsxError } from "../../xlsx/errors";
import { userMessageOf, type Step } from "../actions";
import type { CallName, Calls, Port, Reply, Request } from "./protocol";
import type { WorkbookSession } from "./workbookSession";

/** What the user is told about an error in the worker: ours and the .xlsx reader's as they are, the rest generically. */
function messageOf(error: unknown): Message {
  if (isXlsxError(error)) return error.message;
  const message = userMessageOf(error);
  // The developer console keeps what really happened.
  if (!(error as { userMessage?: unknown } | null)?.userMessage) console.error(error);
  return message;
}

type Handlers = { [K in CallName]: (args: Calls[K]["args"], onStep: (step: Step) => void) => Promise<Calls[K]["result"]> | Calls[K]["result"] };

function handlers(session: WorkbookSession): Handlers {
  return {
    open: async ({ file, name }) => session.open(new Uint8Array(await file.arrayBuffer()), name),
    detect: () => session.detect(),
    run: ({ choices }, onStep) => session.run(choices, onStep),
    saveSettings: ({ settings }) => session.saveSettings(settings),
    peek: ({ sheet, cell }) => session.peek(sheet, cell),
  };
}

/**
 * Answers the page's requests on `port` (the worker's global scope), one at a time in the
 * order they came: a peek sent during a run waits for the run, so it never sees half a
 * workbook.
 */
export function serve(port: Port, session: WorkbookSession): void {
  const handle = handlers(session);
  let queue: Promise<void> = Promise.resolve();

  const answer = async (request: Request): Promise<void> => {
    const post = (reply: Reply, transfer?: Transferable[]) => port.postMessage(reply, transfer);
    try {
      const onStep = (step: Step) => post({ id: request.id, kind: "step", step });
      const work = handle[request.call] as (args: unknown, onStep: (step: Step) => void) => unknown;
      const result = await work(request.args, onStep);
      post({ id: request.id, kind: "done", result }, transferables(result));
    } catch (error) {
      post({ id: request.id, kind: "failed", message: messageOf(error) });
    }
  };

  port.onmessage = (event: MessageEvent) => {
    const request = event.data as Request;
    queue = queue.then(() => answer(request));
  };
}

/** A result workbook's buffer is handed over, not copied again: the session gave us a copy of our own. */
function transferables(result: unknown): Transferable[] {
  const file = (result as { result?: { bytes?: unknown }; bytes?: unknown } | null) ?? {};
  const bytes = file.result?.bytes ?? file.bytes;
  return bytes instanceof Uint8Array ? [bytes.buffer] : [];
}
