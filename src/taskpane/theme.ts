/**
 * True when an Office theme colour (`#RRGGBB`, as `Office.context.officeTheme` gives it)
 * is dark, by relative luminance: the pane then uses Fluent's dark theme.
 */
export function isDarkBackground(color: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color?.trim() ?? "");
  if (!match) return false;
  const [r, g, b] = match.slice(1, 4).map((hex) => {
    const channel = parseInt(hex, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.2;
}
