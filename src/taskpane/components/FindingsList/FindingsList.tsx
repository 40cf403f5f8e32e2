import { Button, Field, Select, Subtitle2, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Finding, Message, Severity } from "../../../core/types";
import { TEXT, useText } from "../../i18n";
import { SeverityIcon } from "./SeverityIcon";
import { useFindingsListStyles } from "./useFindingsListStyles";

/** Thousands of findings would make the pane sluggish; show them a page at a time. */
export const PAGE_SIZE = 200;

/** Sheet names cannot contain `*`, so it is safe as the "all sheets" value. */
const ALL = "*";

const SEVERITY_FILTERS: readonly { value: typeof ALL | Severity; label: Message }[] = [
  { value: ALL, label: TEXT.allSeverities },
  { value: "error", label: TEXT.severityErrors },
  { value: "warning", label: TEXT.severityWarnings },
  { value: "info", label: TEXT.severityInfos },
];

export interface FindingsListProps {
  readonly findings: readonly Finding[];
  /** The user chose a finding: go to its cell (or its sheet, when it has no cell). */
  readonly onSelect: (finding: Finding) => void;
}

export function FindingsList({ findings, onSelect }: FindingsListProps) {
  const t = useText();
  const styles = useFindingsListStyles();
  const [severity, setSeverity] = useState<string>(ALL);
  const [sheet, setSheet] = useState<string>(ALL);
  const [limit, setLimit] = useState(PAGE_SIZE);

  const sheets = useMemo(() => [...new Set(findings.map((f) => f.sheet).filter((name) => name !== ""))].sort((a, b) => a.localeCompare(b, "sv")), [findings]);
  const countBySeverity = useMemo(() => {
    const counts: Record<string, number> = { [ALL]: findings.length, error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.severity] += 1;
    return counts;
  }, [findings]);
  const shown = useMemo(
    () => findings.filter((f) => (severity === ALL || f.severity === severity) && (sheet === ALL || f.sheet === sheet)),
    [findings, severity, sheet],
  );
  const visible = shown.slice(0, limit);

  const severityText = (value: string) => {
    const filter = SEVERITY_FILTERS.find((f) => f.value === value) ?? SEVERITY_FILTERS[0];
    return `${t(filter.label)} (${countBySeverity[filter.value]})`;
  };
  const sheetText = (value: string) => (value === ALL ? t(TEXT.allSheets) : value);

  return (
    <section className={styles.root} aria-labelledby="balans-findings-heading">
      <Subtitle2 as="h2" id="balans-findings-heading" className={styles.heading}>
        {t(TEXT.findingsHeading)}
      </Subtitle2>
      <div className={styles.filters}>
        <Field className={styles.filter} label={t(TEXT.severityFilter)}>
          <Select
            className={styles.select}
            value={severity}
            onChange={(_event, data) => {
              setSeverity(data.value);
              setLimit(PAGE_SIZE);
            }}
          >
            {SEVERITY_FILTERS.map((filter) => (
              <option key={filter.value} value={filter.value}>
                {severityText(filter.value)}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.filter} label={t(TEXT.sheetFilter)}>
          <Select
            className={styles.select}
            value={sheet}
            onChange={(_event, data) => {
              setSheet(data.value);
              setLimit(PAGE_SIZE);
            }}
          >
            {[ALL, ...sheets].map((value) => (
              <option key={value} value={value}>
                {sheetText(value)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <Text size={200} className={styles.count} role="status">
        {shown.length === 0 ? t(TEXT.noMatchingFindings) : t(TEXT.showing(visible.length, shown.length))}
      </Text>

      <ul className={styles.list} aria-label={t(TEXT.findingsHeading)}>
        {visible.map((f, index) => (
          // Findings have no id; the same rule can fire twice at one cell, so the index keeps keys unique.
          <li key={`${f.rule}|${f.sheet}|${f.cell}|${index}`} className={styles.listItem}>
            <FindingItem finding={f} onSelect={onSelect} />
          </li>
        ))}
      </ul>

      {shown.length > visible.length && (
        <Button className={styles.more} onClick={() => setLimit(limit + PAGE_SIZE)}>
          {t(TEXT.showMore(Math.min(PAGE_SIZE, shown.length - visible.length)))}
        </Button>
      )}
    </section>
  );
}

function FindingItem({ finding, onSelect }: { readonly finding: Finding; readonly onSelect: (finding: Finding) => void }) {
  const t = useText();
  const styles = useFindingsListStyles();
  const place = finding.sheet === "" ? t(TEXT.wholeWorkbook) : finding.cell === "" ? finding.sheet : `${finding.sheet}!${finding.cell}`;
  const content = (
    <>
      <span className={styles.itemHead}>
        <SeverityIcon severity={finding.severity} />
        <span className={styles.place}>{place}</span>
        <span className={styles.rule}>{finding.rule}</span>
      </span>
      <span className={styles.message}>{t(finding.message)}</span>
    </>
  );
  if (finding.sheet === "") return <div className={styles.item}>{content}</div>;
  return (
    <button type="button" className={styles.item} title={t(TEXT.goToCell)} onClick={() => onSelect(finding)}>
      {content}
    </button>
  );
}
