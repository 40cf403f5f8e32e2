import { createDialogNotifier } from "./dialogNotifier";

/** A strict stand-in for the parts of Office.js the notifier uses. */
class FakeDialog {
  readonly handlers = new Map<string, (arg: unknown) => void>();
  closes = 0;
  addEventHandler(type: string, handler: (arg: unknown) => void): void {
    if (this.handlers.has(type)) throw new Error(`second handler for ${type}`);
    this.handlers.set(type, handler);
  }
  close(): void {
    this.closes++;
  }
  fire(type: string, arg: unknown): void {
    const handler = this.handlers.get(type);
    if (!handler) throw new Error(`no handler for ${type}`);
    handler(arg);
  }
}

interface Opened {
  readonly url: string;
  readonly options: unknown;
}

function installOffice(openFails = false) {
  const opened: Opened[] = [];
  const dialog = new FakeDialog();
  const office = {
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      ui: {
        displayDialogAsync(url: string, options: unknown, callback: (result: unknown) => void) {
          opened.push({ url, options });
          callback(
            openFails
              ? { status: "failed", error: { code: 12007, message: "A dialog is already open" } }
              : { status: "succeeded", value: dialog },
          );
        },
      },
    },
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
  return { opened, dialog };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const message = { sv: "Inga fel.", en: "No errors." };
const PAGE = "https://localhost:3000/outcome.html";

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

describe("createDialogNotifier", () => {
  test("opens the outcome page with the message in the user's language, inside the page", async () => {
    const { opened, dialog } = installOffice();
    const shown = createDialogNotifier(PAGE, "sv")(message);
    dialog.fire("dialogEventReceived", { error: 12006 });
    await shown;

    expect(opened).toHaveLength(1);
    const url = new URL(opened[0].url);
    expect(url.origin + url.pathname).toBe(PAGE);
    expect(url.searchParams.get("lang")).toBe("sv");
    expect(url.searchParams.get("text")).toBe("Inga fel.");
    expect(opened[0].options).toMatchObject({ displayInIframe: true });
  });

  test("waits until the user presses the dialog's button, then closes the dialog", async () => {
    const { dialog } = installOffice();
    let done = false;
    const shown = createDialogNotifier(PAGE, "en")(message).then(() => {
      done = true;
    });
    await settle();
    expect(done).toBe(false);
    expect(dialog.closes).toBe(0);

    dialog.fire("dialogMessageReceived", { message: "close", origin: "https://localhost:3000" });
    await shown;
    expect(done).toBe(true);
    expect(dialog.closes).toBe(1);
  });

  test("resolves when the user closes the dialog window itself", async () => {
    const { dialog } = installOffice();
    let done = false;
    const shown = createDialogNotifier(PAGE, "en")(message).then(() => {
      done = true;
    });
    await settle();
    expect(done).toBe(false);

    dialog.fire("dialogEventReceived", { error: 12006 });
    await shown;
    expect(done).toBe(true);
    // Office has already closed it; closing again is not needed.
    expect(dialog.closes).toBe(0);
  });

  test("rejects with the Office code when the dialog cannot open", async () => {
    installOffice(true);
    await expect(createDialogNotifier(PAGE, "en")(message)).rejects.toThrow(/12007/);
  });
});
