import { Button, Text, mergeClasses } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useText } from "../i18n";
import { STANDALONE_TEXT } from "./texts";
import { useStandaloneStyles } from "./useStandaloneStyles";

export interface FileOpenProps {
  /** A file was opened before: offer another one, briefly (the pane names the workbook). */
  readonly hasFile: boolean;
  /** While Balans reads or runs, no other file can be opened. */
  readonly busy: boolean;
  readonly onOpen: (file: File) => void;
  /** More than one file dropped at once. */
  readonly onTooMany: () => void;
}

const ACCEPT = ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12";

/**
 * Opens a workbook: a button for the file chooser (the keyboard's way), and a file
 * dropped anywhere on the page. Without this, a browser shown a dropped file leaves the
 * page to display it; here the drop always stays on the page.
 */
export function FileOpen({ hasFile, busy, onOpen, onTooMany }: FileOpenProps) {
  const t = useText();
  const styles = useStandaloneStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  // The window listeners outlive a render; they read the latest props through a ref.
  const latest = useRef({ busy, onOpen, onTooMany });
  latest.current = { busy, onOpen, onTooMany };

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; count them to know when the drag left the page.
    let depth = 0;
    const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes("Files");
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current.busy ? "none" : "copy";
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (latest.current.busy || files.length === 0) return;
      if (files.length > 1) latest.current.onTooMany();
      else latest.current.onOpen(files[0]);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, []);

  return (
    <section className={mergeClasses(styles.opener, dragging && !busy && styles.openerDragging)} aria-label={t(STANDALONE_TEXT.openButton)}>
      {!hasFile && <Text>{t(STANDALONE_TEXT.intro)}</Text>}
      <div className={styles.openerRow}>
        {/* disabledFocusable: a keyboard user keeps focus here while the file is read. */}
        <Button appearance={hasFile ? "secondary" : "primary"} disabledFocusable={busy} onClick={() => input.current?.click()}>
          {t(hasFile ? STANDALONE_TEXT.openAnother : STANDALONE_TEXT.openButton)}
        </Button>
        <Text className={styles.hint}>{t(dragging && !busy ? STANDALONE_TEXT.dropNow : STANDALONE_TEXT.dropHint)}</Text>
      </div>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        accept={ACCEPT}
        tabIndex={-1}
        aria-hidden="true"
        data-testid="balans-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again opens it again.
          event.target.value = "";
          if (file) onOpen(file);
        }}
      />
    </section>
  );
}
