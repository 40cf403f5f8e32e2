import type { Language, Message } from "../core/types";
import { outcomeDialogUrl } from "./outcomeUrl";

/** Percent of the screen; enough for three lines of text and a button. */
const DIALOG_SIZE = { height: 30, width: 30 } as const;

/**
 * `notify` for the ribbon command: shows the message in an Office dialog (DialogApi 1.1)
 * and resolves once the user has closed it, by its button (the page sends a message and
 * we close it) or by the window's own close box (Office reports a dialog event). The
 * command completes only then, because completing ends the function file and with it
 * the dialog.
 */
export function createDialogNotifier(pageUrl: string, language: Language): (message: Message) => Promise<void> {
  return (message) =>
    new Promise<void>((resolve, reject) => {
      const url = outcomeDialogUrl(pageUrl, message, language);
      // In an iframe on Excel on the web, so no pop-up blocker stands in the way.
      Office.context.ui.displayDialogAsync(url, { ...DIALOG_SIZE, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          reject(new Error(`The outcome dialog did not open (code ${result.error.code}).`));
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          resolve();
        });
        // 12006: the user closed the window; any other code: it is gone all the same.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      });
    });
}
