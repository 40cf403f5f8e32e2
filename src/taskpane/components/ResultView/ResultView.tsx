import { Badge, Button, MessageBarBody, Subtitle2, Text } from "@fluentui/react-components";
import { formatNumber, formatPercent, monthName } from "../../../core/format";
import type { KeyFigures } from "../../../core/keyFigures";
import type { Language } from "../../../core/types";
import type { RunOutcome } from "../../actions";
import { TEXT, useLanguage, useText } from "../../i18n";
import { PaneMessageBar } from "../PaneMessageBar";
import { useResultViewStyles } from "./useResultViewStyles";

export interface ResultViewProps {
  readonly outcome: RunOutcome;
  readonly onShowSheet: (name: string) => void;
}

/** `2024-03` → `mars 2024` / `March 2024`; anything else as it is. */
function monthLabel(key: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  return match ? monthName(Number(match[2]), language, Number(match[1])) : key;
}

/** Amounts are shown with a sign, so "better than budget" reads as `+`. */
function signedAmount(value: number, language: Language): string {
  const text = formatNumber(value, language);
  return value > 0 && text !== "0" ? `+${text}` : text;
}

export function ResultView({ outcome, onShowSheet }: ResultViewProps) {
  const t = useText();
  const language = useLanguage();
  const styles = useResultViewStyles();
  const figures: KeyFigures = outcome.keyFigures;
  const { counts } = figures;
  const total = counts.error + counts.warning + counts.info;
  const hasMeasures = outcome.analysis.measures.length > 0 || outcome.analysis.programmes.length > 0;
  const amount = (value: number) => `${formatNumber(value, language)} ${figures.unit}`;

  return (
    <section className={styles.root} aria-labelledby="balans-result-heading">
      <Subtitle2 as="h2" id="balans-result-heading" className={styles.heading} tabIndex={-1}>
        {t(TEXT.resultHeading)}
      </Subtitle2>

      {total === 0 ? (
        <PaneMessageBar intent="success">
          <MessageBarBody>{t(TEXT.noFindings)}</MessageBarBody>
        </PaneMessageBar>
      ) : (
        <>
          <Text>{t(TEXT.summariesWritten)}</Text>
          <div className={styles.counts}>
            <Badge appearance="tint" color="danger" size="large">
              {t(TEXT.errors(counts.error))}
            </Badge>
            <Badge appearance="tint" color="warning" size="large">
              {t(TEXT.warnings(counts.warning))}
            </Badge>
            <Badge appearance="tint" color="informative" size="large">
              {t(TEXT.infos(counts.info))}
            </Badge>
          </div>
        </>
      )}

      <dl className={styles.figures} aria-label={t(TEXT.keyFigures)}>
        <div className={styles.figure}>
          <dt className={styles.label}>{t(TEXT.varianceYtd(monthLabel(figures.month, language)))}</dt>
          <dd className={styles.value}>
            <span className={figures.varianceYtd < 0 ? styles.worse : styles.better}>
              {signedAmount(figures.varianceYtd, language)} {figures.unit}
            </span>
            <span className={styles.note}>{t(TEXT.signConvention)}</span>
          </dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.label}>{t(TEXT.budgetYtd)}</dt>
          <dd className={styles.value}>{amount(figures.budgetYtd)}</dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.label}>{t(TEXT.actualYtd)}</dt>
          <dd className={styles.value}>{amount(figures.actualYtd)}</dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.label}>{t(TEXT.savings)}</dt>
          <dd className={styles.value}>
            {hasMeasures
              ? t(TEXT.savingsValue(formatNumber(figures.realisedYtd, language), formatNumber(figures.plannedYtd, language), figures.unit))
              : t(TEXT.noMeasures)}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.label}>{t(TEXT.hiredShare)}</dt>
          <dd className={styles.value}>
            <span className={figures.hiredShare > figures.hiredShareTarget ? styles.worse : undefined}>
              {t(
                TEXT.hiredShareValue(
                  formatPercent(figures.hiredShare, language),
                  figures.hiredShareDenominator === "allStaff" ? TEXT.allStaffCosts : TEXT.ownStaffCosts,
                  formatPercent(figures.hiredShareTarget, language),
                ),
              )}
            </span>
          </dd>
        </div>
      </dl>

      {outcome.sheets.length > 0 && (
        <nav className={styles.sheets} aria-label={t(TEXT.summarySheets)}>
          <Text weight="semibold">{t(TEXT.summarySheets)}</Text>
          <div className={styles.sheetButtons}>
            {outcome.sheets.map((sheet) => (
              <Button key={sheet.name} size="small" aria-label={t(TEXT.showSheet(sheet.name))} onClick={() => onShowSheet(sheet.name)}>
                {sheet.name}
              </Button>
            ))}
          </div>
        </nav>
      )}
    </section>
  );
}
