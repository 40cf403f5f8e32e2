import { makeStyles, tokens } from "@fluentui/react-components";
import { panelGroup, panelHeading, panelLegend, panelRoot } from "../panelStyles";

export const useSettingsPanelStyles = makeStyles({
  root: panelRoot,
  heading: panelHeading,
  note: {
    color: tokens.colorNeutralForeground3,
  },
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  field: {
    minWidth: 0,
  },
  control: {
    minWidth: 0,
    width: "100%",
  },
  group: panelGroup,
  legend: panelLegend,
  error: {
    color: tokens.colorPaletteRedForeground1,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
});
