package org.visionzero.streams.replay;

/**
 * Model-written text made safe for a terminal: control characters (newlines, ANSI escape sequences) are
 * shown as escapes, so a clue cannot rewrite the screen or fake extra timeline lines.
 */
final class TerminalText {
  private static final char FIRST_PRINTABLE = ' ';
  private static final char DELETE = 0x7f;

  private TerminalText() {}

  static String quote(String text) {
    return '"' + escape(text).replace("\"", "\\\"") + '"';
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        escaped.append("\\n");
      } else if (c == '\t') {
        escaped.append("\\t");
      } else if (c < FIRST_PRINTABLE || c == DELETE || (c >= 0x80 && c < 0xa0)) {
        escaped.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
