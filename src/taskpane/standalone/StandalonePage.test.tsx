import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEventDefault from "@testing-library/user-event";
import type { Language } from "../../core/types";
import { BalansError } from "../actions";
import { detection, outcome } from "../testing/fixtures";
import { renderInPane } from "../testing/render";
import type { CallName, Calls, WorkbookFile } from "./protocol";
import { StandalonePage } from "./StandalonePage";
import type { WorkerClient } from "./workerClient";

const userEvent = userEventDefault.setup({ delay: null });

const RESULT: WorkbookFile = { name: "Region-balans.xlsx", bytes: new Uint8Array([80, 75, 5, 6]), separate: false };

type Answers = { [K in CallName]?: (args: Calls[K]["args"], onStep?: (step: "reading" | "checking" | "writing") => void) => Promise<Calls[K]["result"]> };

/** The worker, faked at its message boundary: each call answered from the pane's fixtures. */
function fakeClient(answers: Answers = {}) {
  const calls: { call: CallName; args: unknown }[] = [];
  const defaults: Answers = {
    open: async () => detection(),
    detect: async () => detection(),
    run: async (_args, onStep) => {
      onStep?.("reading");
      onStep?.("checking");
      onStep?.("writing");
      return { outcome: outcome(), result: RESULT };
    },
    saveSettings: async () => RESULT,
    peek: async ({ sheet, cell }) => ({ sheet, cell, value: 1200, rowLabels: ["Psykiatri", "Löner"] }),
  };
  const client: WorkerClient = {
    call: ((call: CallName, args: never, onStep?: (step: "reading" | "checking" | "writing") => void) => {
      calls.push({ call, args });
      const answer = (answers[call] ?? defaults[call]) as (args: unknown, onStep?: unknown) => Promise<unknown>;
      return answer(args, onStep);
    }) as WorkerClient["call"],
  };
  return { client, calls };
}

const created: string[] = [];
beforeAll(() => {
  // jsdom has no Blob URLs.
  URL.createObjectURL = jest.fn(() => {
    created.push(`blob:test/${created.length + 1}`);
    return created[created.length - 1];
  });
  URL.revokeObjectURL = jest.fn();
});

function renderPage(client: WorkerClient, language: Language = "sv") {
  return renderInPane(<StandalonePage client={client} initialLanguage={language} />, language);
}

const workbookFile = (name = "Region Mittland 2024.xlsx") => new File([new Uint8Array([80, 75, 3, 4])], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

async function chooseFile(file: File) {
  const input = screen.getByTestId("balans-file-input") as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

/** The notice shown (Fluent also repeats its text in a live region for screen readers, hence the scope). */
async function findToast(): Promise<HTMLElement> {
  return waitFor(() => {
    const toast = document.querySelector<HTMLElement>(".fui-Toast");
    if (!toast) throw new Error("no notice shown");
    return toast;
  });
}

function dropEvent(type: string, files: File[]) {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, "dataTransfer", { value: { types: ["Files"], files, dropEffect: "none" } });
  return event;
}

describe("StandalonePage", () => {
  it("asks for a file first, and reads nothing until one is chosen", () => {
    const { client, calls } = fakeClient();
    renderPage(client);
    expect(screen.getByText(/Öppna en arbetsbok med månadsrapporter/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Öppna arbetsbok …" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Kontrollera och skriv sammanställningar" })).toBeNull();
    expect(screen.queryByText("Läser arbetsboken …")).toBeNull();
    expect(calls).toEqual([]);
  });

  it("opens the chosen file in the worker and shows what is in it", async () => {
    const { client, calls } = fakeClient();
    renderPage(client);
    const file = workbookFile();
    await chooseFile(file);
    await screen.findByText("Region Mittland 2024.xlsx");
    expect(calls).toEqual([{ call: "open", args: { file, name: "Region Mittland 2024.xlsx" } }]);
    expect(screen.getByRole("button", { name: "Kontrollera och skriv sammanställningar" })).toBeTruthy();
    // The intro has done its job; opening another file stays at hand.
    expect(screen.queryByText(/Öppna en arbetsbok med månadsrapporter/)).toBeNull();
    expect(screen.getByRole("button", { name: "Öppna en annan arbetsbok …" })).toBeTruthy();
  });

  it("runs, shows the result and offers the result workbook as a download", async () => {
    const { client, calls } = fakeClient();
    renderPage(client);
    await chooseFile(workbookFile());
    await userEvent.click(await screen.findByRole("button", { name: "Kontrollera och skriv sammanställningar" }));
    await screen.findByRole("heading", { name: "Resultat" });
    expect(calls.map((c) => c.call)).toEqual(["open", "run"]);
    const download = screen.getByRole("link", { name: "Ladda ner resultatet" });
    expect(download.getAttribute("download")).toBe("Region-balans.xlsx");
    expect(download.getAttribute("href")).toBe(created[created.length - 1]);
    expect(screen.getByText("Sparas som Region-balans.xlsx. Filen du öppnade ändras inte.")).toBeTruthy();
    // The Blob handed to the link is the result's bytes.
    const blob = (URL.createObjectURL as jest.Mock).mock.calls.at(-1)?.[0] as Blob;
    expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // jsdom's Blob has no arrayBuffer(); its FileReader does the same.
    const content = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(blob);
    });
    expect(new Uint8Array(content)).toEqual(RESULT.bytes);
  });

  it("answers a click on a finding with what is in its cell, since there is no Excel window to go to", async () => {
    const { client, calls } = fakeClient();
    renderPage(client);
    await chooseFile(workbookFile());
    await userEvent.click(await screen.findByRole("button", { name: "Kontrollera och skriv sammanställningar" }));
    await screen.findByRole("heading", { name: "Resultat" });
    await userEvent.click(screen.getByText("Mars 2024!H12"));
    expect(calls.at(-1)).toEqual({ call: "peek", args: { sheet: "Mars 2024", cell: "H12" } });
    const toast = within(await findToast());
    expect(toast.getByText("Mars 2024!H12")).toBeTruthy();
    // (The matcher sees the non-breaking space of "1 200" as a plain one.)
    expect(toast.getByText("Cellen innehåller 1 200.")).toBeTruthy();
    expect(toast.getByText("Raden: Psykiatri · Löner")).toBeTruthy();
    expect(toast.getByText(/Här finns inget Excel-fönster/)).toBeTruthy();
  });

  it("answers a summary sheet's button with where that sheet is", async () => {
    const { client } = fakeClient();
    renderPage(client, "en");
    await chooseFile(workbookFile());
    await userEvent.click(await screen.findByRole("button", { name: "Check and write summaries" }));
    await userEvent.click(await screen.findByRole("button", { name: "Show the sheet Balans avvikelse" }));
    const toast = within(await findToast());
    expect(toast.getByText("The sheet Balans avvikelse")).toBeTruthy();
    expect(toast.getByText("The sheet is in the workbook you download. Open it in Excel to see it.")).toBeTruthy();
  });

  it("says where saved settings go: into the workbook to download, never the user's file", async () => {
    const { client, calls } = fakeClient();
    renderPage(client);
    await chooseFile(workbookFile());
    await userEvent.click(await screen.findByRole("tab", { name: "Inställningar" }));
    await userEvent.click(screen.getByRole("button", { name: "Spara inställningar" }));
    await waitFor(() => expect(calls.map((c) => c.call)).toEqual(["open", "saveSettings"]));
    const toast = within(await findToast());
    expect(toast.getByText("Inställningarna är sparade")).toBeTruthy();
    expect(toast.getByText(/sparas i bladet Balans inställningar i arbetsboken du laddar ner och gäller från nästa kontroll\. Filen du öppnade ändras inte\./)).toBeTruthy();
  });

  it("tells clearly when a file is not a workbook, and lets the user open another", async () => {
    const message = { sv: "anteckningar.txt kunde inte öppnas. Filen är inte en Excel-arbetsbok (.xlsx).", en: "anteckningar.txt could not be opened. The file is not an Excel workbook (.xlsx)." };
    let failing = true;
    const { client } = fakeClient({
      open: async () => {
        if (failing) throw new BalansError(message);
        return detection();
      },
    });
    renderPage(client);
    await chooseFile(workbookFile("anteckningar.txt"));
    expect((await screen.findByRole("alert")).textContent).toContain(message.sv);
    // Trying the same file again would fail again: the way on is another file.
    expect(screen.queryByRole("button", { name: "Försök igen" })).toBeNull();
    expect(screen.getByRole("button", { name: "Öppna en annan arbetsbok …" })).toBeTruthy();
    await userEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(screen.getByRole("alert").textContent).toContain(message.en);
    failing = false;
    await chooseFile(workbookFile());
    await screen.findByText("Region Mittland 2024.xlsx");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("opens a file dropped anywhere on the page, and only one at a time", async () => {
    const { client, calls } = fakeClient();
    renderPage(client);
    const file = workbookFile("Släppt.xlsx");
    act(() => {
      window.dispatchEvent(dropEvent("dragenter", [file]));
    });
    expect(screen.getByText("Släpp filen för att öppna den")).toBeTruthy();
    const over = dropEvent("dragover", [file]);
    act(() => {
      window.dispatchEvent(over);
    });
    // Without preventDefault the browser would leave the page to show the file.
    expect(over.defaultPrevented).toBe(true);
    const drop = dropEvent("drop", [file]);
    await act(async () => {
      window.dispatchEvent(drop);
    });
    expect(drop.defaultPrevented).toBe(true);
    expect(calls).toEqual([{ call: "open", args: { file, name: "Släppt.xlsx" } }]);
    await screen.findByText("Region Mittland 2024.xlsx");

    await act(async () => {
      window.dispatchEvent(dropEvent("drop", [workbookFile("a.xlsx"), workbookFile("b.xlsx")]));
    });
    expect(within(await findToast()).getByText("Släpp en fil i taget.")).toBeTruthy();
    expect(calls).toHaveLength(1);
  });

  it("keeps the open button focusable but inactive while the file is read", async () => {
    let finish: () => void = () => undefined;
    const { client } = fakeClient({ open: () => new Promise((resolve) => (finish = () => resolve(detection()))) });
    renderPage(client);
    const button = screen.getByRole("button", { name: "Öppna arbetsbok …" });
    button.focus();
    await chooseFile(workbookFile());
    const busy = screen.getByRole("button", { name: "Öppna en annan arbetsbok …" });
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(busy);
    await act(async () => finish());
    expect(busy.getAttribute("aria-disabled")).not.toBe("true");
  });
});
