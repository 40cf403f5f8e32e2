import { Button, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useText } from "../i18n";
import type { WorkbookFile } from "./protocol";
import { STANDALONE_TEXT } from "./texts";
import { useStandaloneStyles } from "./useStandaloneStyles";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";

/** The result workbook as a download from memory: a Blob URL, released when it is replaced or the page leaves it. */
export function DownloadResult({ file }: { readonly file: WorkbookFile }) {
  const t = useText();
  const styles = useStandaloneStyles();
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    const type = file.name.toLowerCase().endsWith(".xlsm") ? XLSM_TYPE : XLSX_TYPE;
    const created = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [file]);

  return (
    <div className={styles.download}>
      <Button as="a" appearance="primary" href={url ?? undefined} download={file.name}>
        {t(STANDALONE_TEXT.download)}
      </Button>
      <Text size={200} className={styles.note}>
        {t(STANDALONE_TEXT.downloadNote(file.name))}
      </Text>
      {file.separate && (
        <Text size={200} className={styles.note}>
          {t(STANDALONE_TEXT.separateNote)}
        </Text>
      )}
    </div>
  );
}
