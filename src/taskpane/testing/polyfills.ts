/**
 * jsdom has no `CSS.escape`, which user-event needs to walk a radio group with the arrow
 * keys. A minimal version is enough for the names our radio groups use.
 */
const globalWithCss = globalThis as { CSS?: { escape?: (value: string) => string } };
if (!globalWithCss.CSS?.escape) {
  globalWithCss.CSS = { ...globalWithCss.CSS, escape: (value: string) => value.replace(/([^\w-])/g, "\\$1") };
}

export {};

/**
 * jsdom has no ResizeObserver, which Fluent's MessageBar uses to decide when to wrap its
 * actions. jsdom has no layout either, so an observer that never reports is faithful.
 */
const globalWithObserver = globalThis as { ResizeObserver?: unknown };
if (typeof globalWithObserver.ResizeObserver === "undefined") {
  globalWithObserver.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/**
 * jsdom has no layout, so `offsetParent` is always null and <body> measures 0 × 0.
 * Fluent's focus manager (tabster) reads either as "nothing is visible", finds nothing to
 * move to, and Tab drops focus onto <body>. Answer as a browser would for a rendered
 * element (its parent, unless it or an ancestor is hidden), and give <body> the size of a
 * narrow task pane.
 */
Object.defineProperty(HTMLElement.prototype, "offsetParent", {
  configurable: true,
  get(this: HTMLElement): Element | null {
    if (this.closest("[hidden]") !== null) return null;
    if (this === this.ownerDocument.body || window.getComputedStyle(this).display === "none") return null;
    return this.parentElement;
  },
});

HTMLBodyElement.prototype.getBoundingClientRect = function (): DOMRect {
  const width = 320;
  const height = 800;
  return { x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) } as DOMRect;
};
