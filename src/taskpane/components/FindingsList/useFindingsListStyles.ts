import { createFocusOutlineStyle, makeStyles, tokens } from "@fluentui/react-components";
import { panelHeading, panelRoot } from "../panelStyles";

export const useFindingsListStyles = makeStyles({
  root: panelRoot,
  heading: panelHeading,
  filters: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
  },
  filter: {
    flexGrow: 1,
    flexBasis: "130px",
    minWidth: 0,
  },
  select: {
    minWidth: 0,
    width: "100%",
  },
  count: {
    color: tokens.colorNeutralForeground3,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  listItem: {
    minWidth: 0,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    textAlign: "start",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    // Fluent draws the keyboard focus ring as an ::after box around the nearest positioned ancestor.
    position: "relative",
    ":hover": {
      backgroundColor: tokens.colorNeutralBackground1Hover,
    },
    ":active": {
      backgroundColor: tokens.colorNeutralBackground1Pressed,
    },
    ...createFocusOutlineStyle(),
  },
  itemHead: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  place: {
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  rule: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  message: {
    overflowWrap: "anywhere",
  },
  more: {
    alignSelf: "flex-start",
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
});
