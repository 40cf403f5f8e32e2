import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { languageFromOffice } from "../i18n";
import { StandalonePage } from "./StandalonePage";
import { startWorker } from "./startWorker";
import { createWorkerClient } from "./workerClient";

const DARK = "(prefers-color-scheme: dark)";

/** Outside Office there is no Office theme: follow the system's light or dark mode, as it changes. */
function useSystemTheme() {
  const [query] = useState(() => (typeof window.matchMedia === "function" ? window.matchMedia(DARK) : null));
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const change = (event: MediaQueryListEvent) => setDark(event.matches);
    query.addEventListener("change", change);
    return () => query.removeEventListener("change", change);
  }, [query]);
  return dark ? webDarkTheme : webLightTheme;
}

function Themed({ children }: { readonly children: ReactNode }) {
  return (
    <FluentProvider theme={useSystemTheme()} style={{ minHeight: "100vh" }}>
      {children}
    </FluentProvider>
  );
}

/**
 * The stand-alone page (the task pane opened in a plain browser). Loaded on demand by
 * index.tsx, so the pane in Excel never fetches this code or the engine's worker.
 */
export function mountStandalone(container: HTMLElement, browserLanguage: string | undefined): void {
  const client = createWorkerClient(startWorker());
  createRoot(container).render(
    <Themed>
      <StandalonePage client={client} initialLanguage={languageFromOffice(browserLanguage)} />
    </Themed>,
  );
}
