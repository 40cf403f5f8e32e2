import {
  Button,
  Field,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Title3,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { Finding, Language, Message, Settings } from "../../../core/types";
import { userMessageOf, type BalansActions, type Detection, type RunOutcome, type Step } from "../../actions";
import { LanguageContext, TEXT, useText } from "../../i18n";
import { DetectionPanel, initialSetup, parseYear, type RunSetup } from "../DetectionPanel/DetectionPanel";
import { FindingsList } from "../FindingsList/FindingsList";
import { LanguageSwitch } from "../LanguageSwitch/LanguageSwitch";
import { ResultView } from "../ResultView/ResultView";
import { SettingsPanel } from "../SettingsPanel/SettingsPanel";
import { PaneMessageBar } from "../PaneMessageBar";
import { useAppStyles } from "./useAppStyles";

export interface AppProps {
  readonly actions: BalansActions;
  readonly initialLanguage: Language;
  /** Outside Excel: the workbook is a file the user opens, and the result is downloaded. */
  readonly fileHost?: FileHost;
}

/**
 * The stand-alone page's parts of the pane. They are rendered inside the pane, so they
 * speak its current language.
 */
export interface FileHost {
  /** Identifies the file opened; null until the user opens one. A new key means: detect again. */
  readonly fileKey: string | null;
  /** Opening a file (or another one); `busy` while Balans reads or runs. */
  readonly renderOpener: (busy: boolean) => ReactNode;
  /** Beside a result: the download. */
  readonly renderResultActions: (outcome: RunOutcome) => ReactNode;
  /** Anything that floats above the pane (notices). */
  readonly overlay?: ReactNode;
}

/**
 * The pane's states. `detection` survives a failed run, so the user can try again
 * without Balans reading the workbook once more.
 */
type Phase =
  | { readonly kind: "idle" } // stand-alone page: no file opened yet
  | { readonly kind: "detecting" }
  | { readonly kind: "ready"; readonly detection: Detection }
  | { readonly kind: "running"; readonly detection: Detection; readonly step: Step }
  | { readonly kind: "result"; readonly detection: Detection; readonly outcome: RunOutcome }
  | { readonly kind: "error"; readonly detection?: Detection; readonly message: Message };

const STEPS: readonly { step: Step; label: Message }[] = [
  { step: "reading", label: TEXT.stepReading },
  { step: "checking", label: TEXT.stepChecking },
  { step: "writing", label: TEXT.stepWriting },
];

export function App({ actions, initialLanguage, fileHost }: AppProps) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  return (
    <LanguageContext.Provider value={language}>
      <Pane actions={actions} language={language} onLanguageChange={setLanguage} fileHost={fileHost} />
    </LanguageContext.Provider>
  );
}

interface PaneProps {
  readonly actions: BalansActions;
  readonly language: Language;
  readonly onLanguageChange: (language: Language) => void;
  readonly fileHost?: FileHost;
}

function Pane({ actions, language, onLanguageChange, fileHost }: PaneProps) {
  const t = useText();
  const styles = useAppStyles();
  const fileKey = fileHost?.fileKey;
  const [phase, setPhase] = useState<Phase>(fileKey === null ? { kind: "idle" } : { kind: "detecting" });
  const [setup, setSetup] = useState<RunSetup | null>(null);
  const [tab, setTab] = useState<"check" | "settings">("check");
  const [navigationError, setNavigationError] = useState<Message | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const detect = useCallback(() => {
    setPhase({ kind: "detecting" });
    actions.detect().then(
      (detection) => {
        setSetup(initialSetup(detection));
        setPhase({ kind: "ready", detection });
      },
      (error: unknown) => setPhase({ kind: "error", message: userMessageOf(error) }),
    );
  }, [actions]);

  // In Excel the workbook is there from the start; on the stand-alone page once a file is opened.
  useEffect(() => {
    if (fileKey !== null) detect();
  }, [detect, fileKey]);

  // After a run, take keyboard and screen-reader users to the result.
  useEffect(() => {
    if (phase.kind === "result") resultRef.current?.querySelector<HTMLElement>("h2")?.focus();
  }, [phase.kind]);

  const detection = "detection" in phase ? phase.detection : undefined;
  const year = setup ? parseYear(setup.yearText) : null;
  const canRun = detection !== undefined && setup !== null && setup.reportSheets.length > 0 && year !== null && phase.kind !== "running";

  const run = () => {
    if (!detection || !setup || year === null) return;
    setNavigationError(null);
    setPhase({ kind: "running", detection, step: "reading" });
    actions
      .run({ reportSheets: setup.reportSheets, year, unit: setup.unit, language }, (step) =>
        setPhase((current) => (current.kind === "running" ? { ...current, step } : current)),
      )
      .then(
        (outcome) => setPhase({ kind: "result", detection, outcome }),
        (error: unknown) => setPhase({ kind: "error", detection, message: userMessageOf(error) }),
      );
  };

  const go = (action: Promise<void>) => {
    setNavigationError(null);
    action.catch(() => setNavigationError(TEXT.navigationError));
  };
  const selectFinding = (finding: Finding) => go(finding.cell === "" ? actions.showSheet(finding.sheet) : actions.selectCell(finding.sheet, finding.cell));

  const saveSettings = async (settings: Settings) => {
    await actions.saveSettings(settings);
    // The next run reads the saved sheet; keep the pane's copy in step with it.
    setPhase((current) => (!("detection" in current) || !current.detection ? current : { ...current, detection: { ...current.detection, settings } }));
  };

  const settingsSheet = detection?.sheets.find((sheet) => sheet.role === "settings")?.name;
  const stepIndex = phase.kind === "running" ? STEPS.findIndex((s) => s.step === phase.step) : -1;

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {t(TEXT.appTitle)}
        </Title3>
        <LanguageSwitch language={language} onChange={onLanguageChange} />
      </header>

      {fileHost?.renderOpener(phase.kind === "detecting" || phase.kind === "running")}

      {detection && (
        <TabList selectedValue={tab} onTabSelect={(_event, data) => setTab(data.value === "settings" ? "settings" : "check")} size="small">
          <Tab value="check">{t(TEXT.tabCheck)}</Tab>
          <Tab value="settings">{t(TEXT.tabSettings)}</Tab>
        </TabList>
      )}

      {phase.kind === "detecting" && <Spinner size="small" label={t(TEXT.detecting)} />}

      {detection && tab === "settings" && (
        <SettingsPanel
          // A new detection brings new settings: start the form afresh.
          key={detection.workbook}
          settings={detection.settings}
          editable={detection.settingsEditable}
          settingsSheet={settingsSheet}
          onSave={saveSettings}
        />
      )}

      {tab === "check" && detection && setup && (
        <>
          {setup.reportSheets.length === 0 && (
            <PaneMessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t(TEXT.noReportsTitle)}</MessageBarTitle>
                {t(TEXT.noReportsBody)}
              </MessageBarBody>
            </PaneMessageBar>
          )}
          <DetectionPanel detection={detection} setup={setup} onChange={setSetup} disabled={phase.kind === "running"} />
          <div className={styles.actions}>
            {setup.reportSheets.length > 0 && (
              <Button appearance="primary" disabled={!canRun} onClick={run}>
                {t(TEXT.runButton)}
              </Button>
            )}
            <Button appearance="subtle" disabled={phase.kind === "running"} onClick={detect}>
              {t(TEXT.rereadButton)}
            </Button>
          </div>
        </>
      )}

      {tab === "check" && phase.kind === "running" && (
        <Field
          label={t(TEXT.progressLabel)}
          validationState="none"
          validationMessage={t(TEXT.stepOf(stepIndex + 1, STEPS.length, STEPS[stepIndex].label))}
        >
          <ProgressBar value={stepIndex / STEPS.length} max={1} thickness="large" />
        </Field>
      )}

      {phase.kind === "error" && (
        <PaneMessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t(TEXT.errorTitle)}</MessageBarTitle>
            {t(phase.message)}
          </MessageBarBody>
        </PaneMessageBar>
      )}
      {/* With a file, the opener is the way on: trying the same file again would fail again. */}
      {phase.kind === "error" && !phase.detection && !fileHost && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={detect}>
            {t(TEXT.retry)}
          </Button>
        </div>
      )}

      {navigationError && (
        <PaneMessageBar intent="warning">
          <MessageBarBody>{t(navigationError)}</MessageBarBody>
        </PaneMessageBar>
      )}

      {tab === "check" && phase.kind === "result" && (
        <div ref={resultRef} className={styles.result}>
          <ResultView outcome={phase.outcome} onShowSheet={(name) => go(actions.showSheet(name))} />
          {fileHost?.renderResultActions(phase.outcome)}
          {phase.outcome.analysis.findings.length > 0 && <FindingsList findings={phase.outcome.analysis.findings} onSelect={selectFinding} />}
        </div>
      )}
      {fileHost?.overlay}
    </div>
  );
}
