import { makeStyles, tokens } from "@fluentui/react-components";

export const useStandaloneStyles = makeStyles({
  page: {
    // A pane-wide column on a wide screen too: the components are made for a task pane.
    maxWidth: "680px",
    marginLeft: "auto",
    marginRight: "auto",
  },
  opener: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  openerDragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  openerRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  hint: {
    color: tokens.colorNeutralForeground2,
  },
  // The native input stays in the page for the file chooser, but is operated through the button.
  hiddenInput: {
    display: "none",
  },
  download: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXS,
  },
  note: {
    color: tokens.colorNeutralForeground2,
  },
});
