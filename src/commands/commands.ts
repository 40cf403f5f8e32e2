/**
 * The ribbon's function file (commands.html). Office loads it without UI when the user
 * presses "Kontrollera arbetsboken" and calls the function the manifest names.
 */
import { createOfficeActions } from "../taskpane/officeActions";
import { checkWithActions } from "./checkWithActions";
import { createDialogNotifier } from "./dialogNotifier";
import { languageOf } from "./outcomeUrl";
import { createCheckWorkbookHandler } from "./runCheckCommand";

/** Must match <FunctionName> in manifest.xml. */
const CHECK_WORKBOOK = "checkWorkbook";

Office.onReady(() => {
  const language = languageOf(Office.context.displayLanguage);
  const outcomePage = new URL("outcome.html", window.location.href).href;
  Office.actions.associate(
    CHECK_WORKBOOK,
    createCheckWorkbookHandler({
      run: checkWithActions(createOfficeActions(), language),
      notify: createDialogNotifier(outcomePage, language),
    }),
  );
});
