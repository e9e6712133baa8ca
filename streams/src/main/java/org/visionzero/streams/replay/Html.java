package org.visionzero.streams.replay;

/** HTML escaping of text and attribute values: every character that could open markup is an entity. */
final class Html {
  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        case '`' -> escaped.append("&#96;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
