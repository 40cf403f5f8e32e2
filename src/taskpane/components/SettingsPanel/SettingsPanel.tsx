import {
  Button,
  Field,
  Input,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import type { AccountClass, AccountRule, Message, Settings, Unit } from "../../../core/types";
import { userMessageOf } from "../../actions";
import { TEXT, useLanguage, useText } from "../../i18n";
import { formatAmountInput, formatPercentInput, formatRules, parseAmount, parsePercent, parseRules } from "../../settingsText";
import { PaneMessageBar } from "../PaneMessageBar";
import { useSettingsPanelStyles } from "./useSettingsPanelStyles";

type RuleClass = Exclude<AccountClass, "otherCost">;

const CLASSES: readonly { key: RuleClass; label: Message }[] = [
  { key: "ownStaff", label: TEXT.classOwnStaff },
  { key: "hiredDoctors", label: TEXT.classHiredDoctors },
  { key: "hiredNurses", label: TEXT.classHiredNurses },
  { key: "hiredOther", label: TEXT.classHiredOther },
  { key: "consultants", label: TEXT.classConsultants },
  { key: "income", label: TEXT.classIncome },
];

const UNIT_CHOICES: readonly { value: Unit | "auto"; label: Message }[] = [
  { value: "auto", label: TEXT.unitFromHeaders },
  { value: "kr", label: { sv: "kr", en: "kr" } },
  { value: "tkr", label: { sv: "tkr", en: "tkr" } },
  { value: "mnkr", label: { sv: "mnkr", en: "mnkr" } },
];

/** The form as typed: numbers stay text until saved, so a half-typed value is not lost. */
interface Draft {
  readonly unit: Unit | "auto";
  readonly costSign: Settings["costSign"];
  readonly hiredShareTarget: string;
  readonly hiredShareDenominator: Settings["hiredShareDenominator"];
  readonly green: string;
  readonly yellow: string;
  readonly commentThresholdAmount: string;
  readonly commentThresholdShare: string;
  readonly jumpShare: string;
  readonly jumpMinAmount: string;
  readonly accounts: Readonly<Record<RuleClass, string>>;
}

type DraftField = Exclude<keyof Draft, "accounts" | "unit" | "costSign" | "hiredShareDenominator"> | RuleClass;

function toDraft(settings: Settings, decimalComma: boolean): Draft {
  const percent = (share: number) => formatPercentInput(share, decimalComma);
  const amount = (value: number) => formatAmountInput(value, decimalComma);
  const accounts = Object.fromEntries(CLASSES.map(({ key }) => [key, formatRules(settings.accounts[key])])) as Record<RuleClass, string>;
  return {
    unit: settings.unit ?? "auto",
    costSign: settings.costSign,
    hiredShareTarget: percent(settings.hiredShareTarget),
    hiredShareDenominator: settings.hiredShareDenominator,
    green: percent(settings.statusThresholds.green),
    yellow: percent(settings.statusThresholds.yellow),
    commentThresholdAmount: amount(settings.commentThresholdAmount),
    commentThresholdShare: percent(settings.commentThresholdShare),
    jumpShare: percent(settings.jumpShare),
    jumpMinAmount: amount(settings.jumpMinAmount),
    accounts,
  };
}

/** The settings the draft stands for, or the fields that are not valid. */
function readDraft(draft: Draft, base: Settings): { settings: Settings | null; errors: Partial<Record<DraftField, Message>> } {
  const errors: Partial<Record<DraftField, Message>> = {};
  const percent = (field: DraftField, text: string) => {
    const value = parsePercent(text);
    if (value === null) errors[field] = TEXT.invalidPercent;
    return value ?? 0;
  };
  const amount = (field: DraftField, text: string) => {
    const value = parseAmount(text);
    if (value === null) errors[field] = TEXT.invalidNumber;
    return value ?? 0;
  };
  const hiredShareTarget = percent("hiredShareTarget", draft.hiredShareTarget);
  const green = percent("green", draft.green);
  const yellow = percent("yellow", draft.yellow);
  if (!errors.green && !errors.yellow && yellow >= green) errors.yellow = TEXT.yellowAboveGreen;
  const commentThresholdAmount = amount("commentThresholdAmount", draft.commentThresholdAmount);
  const commentThresholdShare = percent("commentThresholdShare", draft.commentThresholdShare);
  const jumpShare = percent("jumpShare", draft.jumpShare);
  const jumpMinAmount = amount("jumpMinAmount", draft.jumpMinAmount);
  const accounts = {} as Record<RuleClass, readonly AccountRule[]>;
  for (const { key } of CLASSES) {
    const rules = parseRules(draft.accounts[key]);
    if (rules === null) errors[key] = TEXT.invalidRules;
    // The settings sheet cannot say "no accounts": a blank value means the default there.
    else if (rules.length === 0) errors[key] = TEXT.rulesRequired;
    accounts[key] = rules ?? [];
  }
  if (Object.keys(errors).length > 0) return { settings: null, errors };
  return {
    settings: {
      ...base,
      unit: draft.unit === "auto" ? null : draft.unit,
      costSign: draft.costSign,
      accounts,
      hiredShareTarget,
      hiredShareDenominator: draft.hiredShareDenominator,
      statusThresholds: { green, yellow },
      commentThresholdAmount,
      commentThresholdShare,
      jumpShare,
      jumpMinAmount,
    },
    errors,
  };
}

export interface SettingsPanelProps {
  readonly settings: Settings;
  /** False when the settings come from the user's own sheet, which Balans never edits. */
  readonly editable: boolean;
  /** The settings sheet's name, to say where to edit when the pane cannot. */
  readonly settingsSheet?: string;
  readonly onSave: (settings: Settings) => Promise<void>;
}

type SaveState = { readonly kind: "idle" | "saving" | "saved" } | { readonly kind: "failed"; readonly message: Message };

export function SettingsPanel({ settings, editable, settingsSheet, onSave }: SettingsPanelProps) {
  const t = useText();
  const language = useLanguage();
  const styles = useSettingsPanelStyles();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings, language === "sv"));
  const [touched, setTouched] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const { settings: parsed, errors } = readDraft(draft, settings);
  const disabled = !editable || save.kind === "saving";

  const edit = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    setTouched(true);
    if (save.kind !== "saving") setSave({ kind: "idle" });
  };
  const fieldProps = (field: DraftField) => ({
    validationState: errors[field] ? ("error" as const) : ("none" as const),
    validationMessage: errors[field] ? t(errors[field]) : undefined,
  });
  const numberInput = (field: Exclude<DraftField, RuleClass>, label: Message) => (
    <Field className={styles.field} label={t(label)} {...fieldProps(field)}>
      <Input
        className={styles.control}
        inputMode="decimal"
        value={draft[field]}
        disabled={disabled}
        onChange={(_event, data) => edit({ [field]: data.value } as Partial<Draft>)}
      />
    </Field>
  );

  const submit = async () => {
    if (!parsed) return;
    setSave({ kind: "saving" });
    try {
      await onSave(parsed);
      setSave({ kind: "saved" });
      setTouched(false);
    } catch (error) {
      setSave({ kind: "failed", message: userMessageOf(error) });
    }
  };

  return (
    <section className={styles.root} aria-labelledby="balans-settings-heading">
      <Subtitle2 as="h2" id="balans-settings-heading" className={styles.heading}>
        {t(TEXT.tabSettings)}
      </Subtitle2>
      {editable ? (
        <Text size={200} className={styles.note}>
          {t(TEXT.settingsNote)}
        </Text>
      ) : (
        <PaneMessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{t(TEXT.settingsReadOnlyTitle)}</MessageBarTitle>
            {t(TEXT.settingsReadOnly(settingsSheet ?? ""))}
          </MessageBarBody>
        </PaneMessageBar>
      )}

      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field className={styles.field} label={t(TEXT.unit)}>
          <Select
            className={styles.control}
            value={draft.unit}
            disabled={disabled}
            onChange={(_event, data) => {
              const choice = UNIT_CHOICES.find((c) => c.value === data.value);
              if (choice) edit({ unit: choice.value });
            }}
          >
            {UNIT_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {t(choice.label)}
              </option>
            ))}
          </Select>
        </Field>

        <Field className={styles.field} label={t(TEXT.costSign)}>
          <RadioGroup
            value={draft.costSign}
            disabled={disabled}
            onChange={(_event, data) => edit({ costSign: data.value as Settings["costSign"] })}
          >
            <Radio value="auto" label={t(TEXT.costSignAuto)} />
            <Radio value="positive" label={t(TEXT.costsPositive)} />
            <Radio value="negative" label={t(TEXT.costsNegative)} />
          </RadioGroup>
        </Field>

        {numberInput("hiredShareTarget", TEXT.hiredTarget)}
        <Field className={styles.field} label={t(TEXT.denominator)}>
          <RadioGroup
            value={draft.hiredShareDenominator}
            disabled={disabled}
            onChange={(_event, data) => edit({ hiredShareDenominator: data.value === "allStaff" ? "allStaff" : "ownStaff" })}
          >
            <Radio value="ownStaff" label={t(TEXT.denominatorOwn)} />
            <Radio value="allStaff" label={t(TEXT.denominatorAll)} />
          </RadioGroup>
        </Field>

        <fieldset className={styles.group} disabled={disabled}>
          <legend className={styles.legend}>{t(TEXT.statusHeading)}</legend>
          {numberInput("green", TEXT.greenFrom)}
          {numberInput("yellow", TEXT.yellowFrom)}
        </fieldset>

        <fieldset className={styles.group} disabled={disabled}>
          <legend className={styles.legend}>{t(TEXT.thresholdsHeading)}</legend>
          {numberInput("commentThresholdAmount", TEXT.commentAmount)}
          {numberInput("commentThresholdShare", TEXT.commentShare)}
          {numberInput("jumpShare", TEXT.jumpShare)}
          {numberInput("jumpMinAmount", TEXT.jumpMinAmount)}
        </fieldset>

        <fieldset className={styles.group} disabled={disabled}>
          <legend className={styles.legend}>{t(TEXT.accountsHeading)}</legend>
          <Text size={200} className={styles.note}>
            {t(TEXT.accountsHint)}
          </Text>
          {CLASSES.map(({ key, label }) => (
            <Field key={key} className={styles.field} label={t(label)} {...fieldProps(key)}>
              <Input
                className={styles.control}
                value={draft.accounts[key]}
                disabled={disabled}
                onChange={(_event, data) => edit({ accounts: { ...draft.accounts, [key]: data.value } })}
              />
            </Field>
          ))}
        </fieldset>

        {parsed === null && touched && (
          // Each marked field already announces its own message; this line only sums up.
          <Text className={styles.error}>
            {t(TEXT.fixFields)}
          </Text>
        )}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={disabled || parsed === null}>
            {save.kind === "saving" ? t(TEXT.saving) : t(TEXT.saveSettings)}
          </Button>
        </div>
        {save.kind === "saved" && (
          <PaneMessageBar intent="success">
            <MessageBarBody>{t(TEXT.saved)}</MessageBarBody>
          </PaneMessageBar>
        )}
        {save.kind === "failed" && (
          <PaneMessageBar intent="error">
            <MessageBarBody>{t(save.message)}</MessageBarBody>
          </PaneMessageBar>
        )}
      </form>
    </section>
  );
}
