import { makeStyles } from "@fluentui/react-components";

export const useLanguageSwitchStyles = makeStyles({
  root: {
    flexWrap: "wrap",
  },
});
