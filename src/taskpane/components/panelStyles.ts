import { tokens, type GriffelStyle } from "@fluentui/react-components";

/** The styles every panel of the pane shares, so they look alike and are changed in one place. */

/** A panel: a column with small gaps that may shrink to the pane's 320 px. */
export const panelRoot: GriffelStyle = {
  display: "flex",
  flexDirection: "column",
  rowGap: tokens.spacingVerticalS,
  minWidth: 0,
};

export const panelHeading: GriffelStyle = {
  margin: 0,
};

/** A framed group of controls (a fieldset). */
export const panelGroup: GriffelStyle = {
  display: "flex",
  flexDirection: "column",
  rowGap: tokens.spacingVerticalS,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
  padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  margin: 0,
  minWidth: 0,
};

export const panelLegend: GriffelStyle = {
  fontWeight: tokens.fontWeightSemibold,
  padding: `0 ${tokens.spacingHorizontalXS}`,
};
