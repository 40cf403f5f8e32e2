import { Toaster, useId, useToastController } from "@fluentui/react-components";
import { useCallback, useRef, useState } from "react";
import type { Language } from "../../core/types";
import { App, type FileHost } from "../components/App/App";
import { DownloadResult } from "./DownloadResult";
import { FileOpen } from "./FileOpen";
import { NoticeToast } from "./NoticeToast";
import type { WorkbookFile } from "./protocol";
import { createStandaloneActions, type Notice } from "./standaloneActions";
import { useStandaloneStyles } from "./useStandaloneStyles";
import type { WorkerClient } from "./workerClient";

export interface StandalonePageProps {
  /** The engine's worker (a fake in tests). */
  readonly client: WorkerClient;
  readonly initialLanguage: Language;
}

/** Long enough to read two lines; hovering or leaving the window holds it. */
const NOTICE_TIMEOUT_MS = 10_000;

/**
 * The pane as a page of its own, outside Office: the same App on the file adapter, with
 * a file to open first and a result to download at the end.
 */
export function StandalonePage({ client, initialLanguage }: StandalonePageProps) {
  const styles = useStandaloneStyles();
  const toasterId = useId("balans-notices");
  const { dispatchToast } = useToastController(toasterId);
  const [file, setFile] = useState<{ key: string; name: string } | null>(null);
  const [result, setResult] = useState<WorkbookFile | null>(null);
  const opened = useRef(0);

  const notify = useRef((_notice: Notice) => undefined as void);
  notify.current = (notice: Notice) =>
    dispatchToast(<NoticeToast notice={notice} />, { intent: "info", timeout: NOTICE_TIMEOUT_MS });

  // Made once: the App detects again whenever its actions change.
  const [actions] = useState(() =>
    createStandaloneActions(client, {
      onResult: setResult,
      onNotice: (notice) => notify.current(notice),
    }),
  );

  const open = useCallback(
    (chosen: File) => {
      actions.choose(chosen, chosen.name);
      setResult(null);
      opened.current += 1;
      setFile({ key: `${opened.current}:${chosen.name}`, name: chosen.name });
    },
    [actions],
  );

  const fileHost: FileHost = {
    fileKey: file?.key ?? null,
    renderOpener: (busy) => <FileOpen hasFile={file !== null} busy={busy} onOpen={open} onTooMany={() => notify.current({ kind: "oneFileOnly" })} />,
    renderResultActions: () => (result ? <DownloadResult file={result} /> : null),
    overlay: <Toaster toasterId={toasterId} position="bottom" pauseOnHover pauseOnWindowBlur />,
  };

  return (
    <div className={styles.page}>
      <App actions={actions} initialLanguage={initialLanguage} fileHost={fileHost} />
    </div>
  );
}
