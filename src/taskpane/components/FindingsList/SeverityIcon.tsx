import { Badge } from "@fluentui/react-components";
import type { Severity } from "../../../core/types";
import { TEXT, useText } from "../../i18n";
import { useFindingsListStyles } from "./useFindingsListStyles";

const LOOK: Readonly<Record<Severity, { glyph: string; color: "danger" | "warning" | "informative" }>> = {
  error: { glyph: "✕", color: "danger" },
  warning: { glyph: "!", color: "warning" },
  info: { glyph: "i", color: "informative" },
};

export const SEVERITY_LABEL = { error: TEXT.severityError, warning: TEXT.severityWarning, info: TEXT.severityInfo } as const;

/** Colour and shape both tell the severity; the word is there for screen readers. */
export function SeverityIcon({ severity }: { readonly severity: Severity }) {
  const t = useText();
  const styles = useFindingsListStyles();
  const { glyph, color } = LOOK[severity];
  return (
    <>
      <Badge aria-hidden size="small" shape="circular" appearance="filled" color={color}>
        {glyph}
      </Badge>
      <span className={styles.visuallyHidden}>{t(SEVERITY_LABEL[severity])}: </span>
    </>
  );
}
