import { makeStyles, tokens } from "@fluentui/react-components";
import { panelHeading, panelLegend, panelRoot } from "../panelStyles";

export const useDetectionPanelStyles = makeStyles({
  root: panelRoot,
  heading: panelHeading,
  line: {
    overflowWrap: "anywhere",
  },
  value: {
    fontWeight: tokens.fontWeightSemibold,
  },
  fieldset: {
    display: "flex",
    flexDirection: "column",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    margin: 0,
    minWidth: 0,
  },
  legend: panelLegend,
  hint: {
    color: tokens.colorNeutralForeground3,
  },
  sheetLabel: {
    overflowWrap: "anywhere",
  },
  month: {
    color: tokens.colorNeutralForeground3,
  },
  roles: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  role: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
  roleName: {
    color: tokens.colorNeutralForeground3,
    "::after": { content: '":"' },
  },
  roleValue: {
    margin: 0,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  inputs: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
  },
  control: {
    minWidth: 0,
    width: "100%",
  },
  input: {
    flexGrow: 1,
    flexBasis: "120px",
    minWidth: 0,
  },
});
