import "./polyfills";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import type { Language } from "../../core/types";
import { LanguageContext } from "../i18n";

/** Renders a component the way the pane does: inside Fluent's provider, in one language. */
export function renderInPane(element: ReactElement, language: Language = "sv"): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LanguageContext.Provider value={language}>{element}</LanguageContext.Provider>
    </FluentProvider>,
  );
}
