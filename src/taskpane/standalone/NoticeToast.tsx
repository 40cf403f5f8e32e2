import { Link, Toast, ToastBody, ToastFooter, ToastTitle, ToastTrigger } from "@fluentui/react-components";
import { formatNumber } from "../../core/format";
import { isCellError, type CellValue, type Language } from "../../core/types";
import { useLanguage, useText } from "../i18n";
import type { Notice } from "./standaloneActions";
import { STANDALONE_TEXT } from "./texts";

/** How the cell reads in Excel, near enough: numbers in the language's format, text quoted. */
export function shownValue(value: CellValue, language: Language): string {
  if (isCellError(value)) return value.error;
  if (typeof value === "number") return formatNumber(value, language, 4);
  if (typeof value === "boolean") return language === "sv" ? (value ? "SANT" : "FALSKT") : value ? "TRUE" : "FALSE";
  return language === "sv" ? `”${String(value)}”` : `“${String(value)}”`;
}

/** One notice, in the pane's current language (the toast is rendered inside the pane). */
export function NoticeToast({ notice }: { readonly notice: Notice }) {
  const t = useText();
  const language = useLanguage();
  let title: string;
  let lines: string[];
  switch (notice.kind) {
    case "cell": {
      const { peek } = notice;
      title = `${peek.sheet}!${peek.cell}`;
      const value =
        peek.value === undefined
          ? t(STANDALONE_TEXT.noticeCellMissing)
          : peek.value === null || peek.value === ""
            ? t(STANDALONE_TEXT.noticeCellEmpty)
            : t(STANDALONE_TEXT.noticeCellValue(shownValue(peek.value, language)));
      lines = [value];
      if (peek.rowLabels.length > 0) lines.push(t(STANDALONE_TEXT.noticeRow(peek.rowLabels.join(" · "))));
      lines.push(t(STANDALONE_TEXT.noticeNoExcel));
      break;
    }
    case "sheet":
      title = t(STANDALONE_TEXT.noticeSheetTitle(notice.sheet));
      lines = [t(STANDALONE_TEXT.noticeSheetInResult)];
      break;
    case "settingsSaved":
      title = t(STANDALONE_TEXT.noticeSettingsTitle);
      lines = [t(STANDALONE_TEXT.noticeSettings)];
      break;
    case "oneFileOnly":
      title = t(STANDALONE_TEXT.onlyOneFile);
      lines = [];
      break;
  }
  // "Close" goes in the footer, not beside the title, so the text has the notice's full width in a narrow pane.
  return (
    <Toast>
      <ToastTitle>{title}</ToastTitle>
      {lines.length > 0 && (
        <ToastBody>
          {lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </ToastBody>
      )}
      <ToastFooter>
        <ToastTrigger>
          <Link>{t(STANDALONE_TEXT.dismiss)}</Link>
        </ToastTrigger>
      </ToastFooter>
    </Toast>
  );
}
