/**
 * @jest-environment jsdom
 */
import { renderOutcome } from "./outcomePage";

function mount() {
  document.body.innerHTML = '<main id="outcome"><p>old</p></main>';
  return document.getElementById("outcome") as HTMLElement;
}

describe("renderOutcome", () => {
  test("shows the text and a close button in the outcome's language", () => {
    const root = mount();
    renderOutcome(root, { language: "sv", text: "Balans har kontrollerat arbetsboken." }, () => undefined);

    expect(document.documentElement.lang).toBe("sv");
    expect(root.querySelector("[role=status]")?.textContent).toBe("Balans har kontrollerat arbetsboken.");
    const button = root.querySelector("button");
    expect(button?.textContent).toBe("Stäng");
    expect(document.activeElement).toBe(button);
    expect(root.textContent).not.toContain("old");
  });

  test("English outcome, English button", () => {
    const root = mount();
    renderOutcome(root, { language: "en", text: "Done." }, () => undefined);
    expect(document.documentElement.lang).toBe("en");
    expect(root.querySelector("button")?.textContent).toBe("Close");
  });

  test("the button asks to close", () => {
    const root = mount();
    const onClose = jest.fn();
    renderOutcome(root, { language: "en", text: "Done." }, onClose);
    root.querySelector("button")?.click();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  test("text from the URL is never parsed as HTML", () => {
    const root = mount();
    renderOutcome(root, { language: "en", text: '<img src=x onerror="alert(1)"><b>bold</b>' }, () => undefined);
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("b")).toBeNull();
    expect(root.querySelector("[role=status]")?.textContent).toBe('<img src=x onerror="alert(1)"><b>bold</b>');
  });
});
