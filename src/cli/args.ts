import type { Language } from "../core/types";

export interface CliArgs {
  readonly command: "check";
  readonly workbook: string;
  readonly out?: string;
  readonly inPlace: boolean;
  readonly json: boolean;
  readonly language: Language;
  readonly help: boolean;
}

export const USAGE = `Usage: balans check <workbook.xlsx> [--out result.xlsx | --in-place] [--json] [--lang sv|en]

  Checks the monthly report sheets of a workbook and computes the variance,
  measure follow-up and hired-staff summaries.

  --out FILE   write the workbook with Balans's summary sheets to FILE
               (the input is never changed unless --in-place is given)
  --in-place   write the summary sheets into the input workbook itself
  --json       print the report as JSON on stdout
  --lang sv|en language of messages and sheets (default sv)

Exit codes: 0 the check ran (whatever it found), 2 unusable input or arguments.`;

/** Raised for arguments that make no sense; the message names the problem in both languages. */
export class ArgumentError extends Error {
  constructor(readonly reason: { sv: string; en: string }) {
    super(reason.en);
  }
}

export function parseArgs(argv: readonly string[]): CliArgs {
  let language: Language = "sv";
  let out: string | undefined;
  let inPlace = false;
  let json = false;
  let help = false;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new ArgumentError({ sv: `${arg} behöver ett värde.`, en: `${arg} needs a value.` });
      return next;
    };
    switch (arg) {
      case "--out":
      case "-o":
        out = value();
        break;
      case "--in-place":
        inPlace = true;
        break;
      case "--json":
        json = true;
        break;
      case "--lang": {
        const lang = value();
        if (lang !== "sv" && lang !== "en") throw new ArgumentError({ sv: `Okänt språk ${lang}: sv eller en.`, en: `Unknown language ${lang}: sv or en.` });
        language = lang;
        break;
      }
      case "--help":
      case "-h":
        help = true;
        break;
      default:
        if (arg.startsWith("-")) throw new ArgumentError({ sv: `Okänd flagga ${arg}.`, en: `Unknown option ${arg}.` });
        positional.push(arg);
    }
  }
  if (help) return { command: "check", workbook: "", inPlace, json, language, help };
  const [command, workbook, ...rest] = positional;
  if (command !== "check") throw new ArgumentError({ sv: "Använd: balans check <arbetsbok.xlsx>", en: "Usage: balans check <workbook.xlsx>" });
  if (!workbook) throw new ArgumentError({ sv: "Ange arbetsboken: balans check <arbetsbok.xlsx>", en: "Name the workbook: balans check <workbook.xlsx>" });
  if (rest.length > 0) throw new ArgumentError({ sv: `Oväntat argument ${rest[0]}.`, en: `Unexpected argument ${rest[0]}.` });
  if (out && inPlace) throw new ArgumentError({ sv: "Välj --out eller --in-place, inte båda.", en: "Choose --out or --in-place, not both." });
  return { command: "check", workbook, out, inPlace, json, language, help };
}
