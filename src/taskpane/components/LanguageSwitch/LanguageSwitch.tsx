import { Radio, RadioGroup } from "@fluentui/react-components";
import type { Language } from "../../../core/types";
import { TEXT, useText } from "../../i18n";
import { useLanguageSwitchStyles } from "./useLanguageSwitchStyles";

export interface LanguageSwitchProps {
  readonly language: Language;
  readonly onChange: (language: Language) => void;
}

/** Svenska / English. Each choice is written in its own language, so anyone can find theirs. */
export function LanguageSwitch({ language, onChange }: LanguageSwitchProps) {
  const t = useText();
  const styles = useLanguageSwitchStyles();
  return (
    <RadioGroup
      className={styles.root}
      layout="horizontal"
      aria-label={t(TEXT.language)}
      value={language}
      onChange={(_event, data) => onChange(data.value === "en" ? "en" : "sv")}
    >
      <Radio value="sv" label={<span lang="sv">Svenska</span>} />
      <Radio value="en" label={<span lang="en">English</span>} />
    </RadioGroup>
  );
}
