import { BalansError, type BalansActions } from "./actions";

const OPEN_IN_EXCEL = { sv: "Öppna Balans i Excel.", en: "Open Balans in Excel." };

/**
 * The pane opened in a plain browser, outside Excel. Reading an .xlsx file chosen by the
 * user belongs here later; until then every action says where Balans works.
 */
export function createStandaloneActions(): BalansActions {
  const refuse = () => Promise.reject(new BalansError(OPEN_IN_EXCEL));
  return {
    detect: refuse,
    run: refuse,
    selectCell: refuse,
    showSheet: refuse,
    saveSettings: refuse,
  };
}
