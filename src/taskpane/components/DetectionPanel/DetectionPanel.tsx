import { Checkbox, Field, Input, Select, Subtitle2, Text } from "@fluentui/react-components";
import { monthName } from "../../../core/format";
import type { Message, Unit } from "../../../core/types";
import type { Detection, SheetRole } from "../../actions";
import { TEXT, useLanguage, useText } from "../../i18n";
import { useDetectionPanelStyles } from "./useDetectionPanelStyles";

/** What the user may change before a run; the year as typed, so a half-typed year is not lost. */
export interface RunSetup {
  readonly reportSheets: readonly string[];
  readonly yearText: string;
  readonly unit: Unit;
}

export const UNITS: readonly Unit[] = ["kr", "tkr", "mnkr"];

export function initialSetup(detection: Detection): RunSetup {
  return {
    reportSheets: detection.sheets.filter((sheet) => sheet.role === "report").map((sheet) => sheet.name),
    yearText: String(detection.year),
    unit: detection.unit,
  };
}

/** The year typed, or null when it is not a plausible report year. */
export function parseYear(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) return null;
  const year = Number(trimmed);
  return year >= 2000 && year <= 2100 ? year : null;
}

export interface DetectionPanelProps {
  readonly detection: Detection;
  readonly setup: RunSetup;
  readonly onChange: (setup: RunSetup) => void;
  readonly disabled?: boolean;
}

const LISTED_ROLES: readonly { role: SheetRole; label: Message }[] = [
  { role: "measures", label: TEXT.measuresSheet },
  { role: "programmes", label: TEXT.programmesSheet },
  { role: "settings", label: TEXT.settingsSheet },
  { role: "owned", label: TEXT.ownedSheets },
];

export function DetectionPanel({ detection, setup, onChange, disabled = false }: DetectionPanelProps) {
  const t = useText();
  const language = useLanguage();
  const styles = useDetectionPanelStyles();
  // Report sheets and sheets Balans did not recognise can be ticked; the rest have a fixed role.
  const choosable = detection.sheets.filter((sheet) => sheet.role === "report" || sheet.role === "other");
  const chosen = new Set(setup.reportSheets);
  const yearValid = parseYear(setup.yearText) !== null;

  const toggle = (name: string, checked: boolean) => {
    // Keep the workbook's tab order whatever order the boxes are ticked in.
    const next = choosable.filter((sheet) => (sheet.name === name ? checked : chosen.has(sheet.name))).map((sheet) => sheet.name);
    onChange({ ...setup, reportSheets: next });
  };

  return (
    <section className={styles.root} aria-labelledby="balans-found-heading">
      <Subtitle2 as="h2" id="balans-found-heading" className={styles.heading}>
        {t(TEXT.foundHeading)}
      </Subtitle2>
      <Text className={styles.line}>
        {t(TEXT.workbook)}: <span className={styles.value}>{detection.workbook}</span>
      </Text>

      <fieldset className={styles.fieldset} disabled={disabled}>
        <legend className={styles.legend}>{t(TEXT.reportSheets)}</legend>
        <Text size={200} className={styles.hint}>
          {t(TEXT.reportSheetsHint)}
        </Text>
        {choosable.map((sheet) => (
          <Checkbox
            key={sheet.name}
            checked={chosen.has(sheet.name)}
            disabled={disabled}
            onChange={(_event, data) => toggle(sheet.name, data.checked === true)}
            label={
              <span className={styles.sheetLabel}>
                {sheet.name}
                {sheet.month !== undefined && <span className={styles.month}> ({monthName(sheet.month, language)})</span>}
              </span>
            }
          />
        ))}
      </fieldset>

      <dl className={styles.roles}>
        {LISTED_ROLES.map(({ role, label }) => {
          const names = detection.sheets.filter((sheet) => sheet.role === role).map((sheet) => sheet.name);
          if (role === "owned" && names.length === 0) return null;
          return (
            <div key={role} className={styles.role}>
              <dt className={styles.roleName}>{t(label)}</dt>
              <dd className={styles.roleValue}>{names.length > 0 ? names.join(", ") : t(TEXT.none)}</dd>
            </div>
          );
        })}
        <div className={styles.role}>
          <dt className={styles.roleName}>{t(TEXT.signs)}</dt>
          <dd className={styles.roleValue}>{t(detection.costSign === "positive" ? TEXT.costsPositive : TEXT.costsNegative)}</dd>
        </div>
      </dl>

      <div className={styles.inputs}>
        <Field
          className={styles.input}
          label={t(TEXT.year)}
          validationState={yearValid ? "none" : "error"}
          validationMessage={yearValid ? undefined : t(TEXT.yearInvalid)}
        >
          <Input
            className={styles.control}
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            value={setup.yearText}
            disabled={disabled}
            onChange={(_event, data) => onChange({ ...setup, yearText: data.value })}
          />
        </Field>
        <Field className={styles.input} label={t(TEXT.unit)}>
          <Select
            className={styles.control}
            value={setup.unit}
            disabled={disabled}
            onChange={(_event, data) => {
              const unit = UNITS.find((u) => u === data.value);
              if (unit) onChange({ ...setup, unit });
            }}
          >
            {UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </section>
  );
}
