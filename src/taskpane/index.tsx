import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { BalansActions } from "./actions";
import { App } from "./components/App/App";
import { languageFromOffice } from "./i18n";
import { createOfficeActions } from "./officeActions";
import { keepOfficeTelemetryHome } from "./standalone/officeTelemetry";
import { isDarkBackground } from "./theme";

/** Office's own theme, when the host tells us one: a dark body background means a dark theme. */
function chooseTheme(): Theme {
  const officeTheme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  return officeTheme && isDarkBackground(officeTheme.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}

function mount(actions: BalansActions, displayLanguage: string | undefined): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={chooseTheme()} style={{ minHeight: "100vh" }}>
      <App actions={actions} initialLanguage={languageFromOffice(displayLanguage)} />
    </FluentProvider>,
  );
}

/**
 * Outside Excel the pane is a page of its own that opens .xlsx files. Its code and the
 * engine's worker are separate chunks, fetched only here.
 */
function mountStandalone(): void {
  keepOfficeTelemetryHome();
  const container = document.getElementById("container");
  if (!container) return;
  import(/* webpackChunkName: "standalone" */ "./standalone/mount").then(
    (page) => page.mountStandalone(container, navigator.language),
    (error: unknown) => {
      console.error(error);
      container.textContent = "Balans kunde inte laddas. Ladda om sidan. / Balans could not be loaded. Reload the page.";
    },
  );
}

// office.js may be missing (blocked, or the page opened from disk): still show the pane, stand-alone.
if (typeof Office === "undefined") {
  mountStandalone();
} else {
  void Office.onReady().then((info) => {
    // Outside Office, onReady resolves with host null and `Excel` is undefined.
    if (info.host === Office.HostType.Excel) {
      mount(createOfficeActions(), Office.context.displayLanguage);
    } else {
      mountStandalone();
    }
  });
}
