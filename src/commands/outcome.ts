import { renderOutcome } from "./outcomePage";
import { readOutcome } from "./outcomeUrl";

// office.js may be absent (page opened outside Office): the text still shows.
const ready: Promise<{ host: Office.HostType | null } | null> =
  typeof Office === "undefined" ? Promise.resolve(null) : Office.onReady();

/** In an Office dialog only the opener can close us: ask it to. Elsewhere close the window. */
function close(): void {
  void ready.then((info) => {
    if (info?.host && Office.context.ui?.messageParent) {
      Office.context.ui.messageParent("close");
    } else {
      window.close();
    }
  });
}

const root = document.getElementById("outcome");
if (root) renderOutcome(root, readOutcome(window.location.search), close);
