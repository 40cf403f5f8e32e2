import type { Message } from "../core/types";
import { failureMessage, outcomeMessage, type CheckCounts } from "./checkMessages";

/** What the ribbon's "Kontrollera arbetsboken" needs from its host, passed in so it runs without Office. */
export interface CheckCommandDependencies {
  /** Checks the open workbook and counts the findings. */
  readonly run: () => Promise<CheckCounts>;
  /** Shows the user a message; resolves when the user has seen it (the dialog is closed). */
  readonly notify: (message: Message) => Promise<void>;
}

/** The part of `Office.AddinCommands.Event` the command uses. */
export interface CommandEvent {
  completed(): void;
}

export interface CheckCommandResult {
  readonly ok: boolean;
  readonly message: Message;
}

/**
 * Runs the check, tells the user how it went, and always completes the event: Office
 * shows the button as busy (and queues further clicks) until `completed()` is called,
 * so it must be called on failure too, and after the message is dismissed, because
 * completing tears down the function file and any dialog it opened.
 */
export async function runCheckCommand(event: CommandEvent, deps: CheckCommandDependencies): Promise<CheckCommandResult> {
  let result: CheckCommandResult;
  try {
    result = { ok: true, message: outcomeMessage(await deps.run()) };
  } catch (error) {
    result = { ok: false, message: failureMessage(error) };
  }
  try {
    await deps.notify(result.message);
  } catch {
    // Nowhere left to tell the user (the dialog itself failed); the event still completes.
  } finally {
    event.completed();
  }
  return result;
}

/** The function to associate with the manifest's `checkWorkbook`. */
export function createCheckWorkbookHandler(deps: CheckCommandDependencies): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    await runCheckCommand(event, deps);
  };
}
