import { MessageBar, type MessageBarProps } from "@fluentui/react-components";

/**
 * Fluent's MessageBar, always laid out on several lines. Its default ("auto") first
 * renders on one line and measures before it wraps, so in a 320 px pane a sentence
 * pushed the page wider for a moment (caught by the screenshot test). The pane's
 * messages are sentences; they wrap from the start.
 */
export function PaneMessageBar(props: MessageBarProps) {
  return <MessageBar layout="multiline" {...props} />;
}
