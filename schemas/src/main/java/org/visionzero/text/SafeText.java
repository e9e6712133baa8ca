package org.visionzero.text;

import java.util.Locale;

/**
 * Text from a model, a user or the log made safe for a page or a terminal: the one escaping of the project
 * (reports, replays, contact sheets, timelines). Besides markup, it neutralises what can reorder or fake what
 * follows it: control characters (ANSI escapes, carriage returns), Unicode bidirectional controls (U+202E makes
 * the rest of a line read right to left) and line/paragraph separators (U+2028, U+2029) are shown as visible
 * {@code \\uXXXX} escapes instead of being obeyed. In {@code schemas} because every module that shows text may use it.
 */
public final class SafeText {
  private static final char DELETE = 0x7f;

  private SafeText() {}

  /** For HTML element content and quoted attribute values; newlines and tabs are kept. */
  public static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '`' -> out.append("&#96;");
        case '$' -> out.append("&#36;"); // no "${" reaches a template literal
        case '\n', '\t' -> out.append(c);
        default -> appendVisible(out, c);
      }
    }
    return out.toString();
  }

  /** For one terminal line: newlines and tabs too become escapes, so text cannot start a fake line. */
  public static String terminal(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        appendVisible(out, c);
      }
    }
    return out.toString();
  }

  /**
   * For text of several lines for a terminal (a command's output, an error message): newlines and tabs are kept,
   * everything else that would be obeyed (carriage returns, ANSI escapes, bidi controls, separators) is shown.
   * Text that must not start a line of its own (an id, a clue) is escaped with {@link #terminal} first.
   */
  public static String lines(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\t') {
        out.append(c);
      } else {
        appendVisible(out, c);
      }
    }
    return out.toString();
  }

  /**
   * For a JSON document that may reach a terminal or a page: every character that would be obeyed is written as a
   * JSON escape ({@code \\u202e}), which a JSON reader turns back into the same character, so nothing is lost.
   * Outside strings a JSON document holds only ASCII and whitespace, so only characters inside strings change.
   */
  public static String json(String document) {
    if (document == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(document.length());
    for (int i = 0; i < document.length(); i++) {
      char c = document.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(c); // whitespace between tokens: a JSON writer escapes them inside strings itself
      } else {
        appendVisible(out, c);
      }
    }
    return out.toString();
  }

  /** {@link #terminal} in double quotes, inner quotes escaped. */
  public static String terminalQuoted(String text) {
    return '"' + terminal(text).replace("\"", "\\\"") + '"';
  }

  /** Whether a character is obeyed rather than shown: controls, bidi controls, line and paragraph separators. */
  static boolean isHostile(char c) {
    return c < ' ' || c == DELETE || (c >= 0x80 && c < 0xa0)
        || c == 0x061c || c == 0x200e || c == 0x200f
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028 || c == 0x2029;
  }

  private static void appendVisible(StringBuilder out, char c) {
    if (isHostile(c)) {
      out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
    } else {
      out.append(c);
    }
  }
}
