package org.visionzero.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {
  private static final String HOSTILE = "<script>alert('x')</script> `${document.cookie}` \"q\" & "
      + "abc\u202Eevil\u202C \u2066iso\u2069 one\u2028two\u2029three \u001b[2J\r\u0000\u009b";

  @Test
  void shouldNeutraliseMarkupTemplatesBidiControlsSeparatorsAndControlsOnAPage() {
    String html = SafeText.html(HOSTILE + "\nnext\tline");

    assertThat(html).doesNotContain("<", ">", "`", "${", "\u202E", "\u2066", "\u2028", "\u2029", "\u001b", "\r",
        "\u0000", "\u009b", "'", "\"");
    assertThat(html).contains("&lt;script&gt;", "&#96;&#36;{document.cookie}&#96;", "&quot;q&quot; &amp;",
        "abc\\u202eevil\\u202c", "one\\u2028two\\u2029three", "\\u001b[2J\\u000d\\u0000\\u009b", "\nnext\tline");
    assertThat(SafeText.html(null)).isEmpty();
  }

  @Test
  void shouldKeepATerminalLineOneLineWithNothingThatReordersIt() {
    String line = SafeText.terminal(HOSTILE + "\nfake line");

    assertThat(line).doesNotContain("\n", "\r", "\u001b", "\u202E", "\u2028", "\u0000");
    assertThat(line).contains("abc\\u202eevil", "one\\u2028two", "\\u001b[2J", "\\nfake line");
    assertThat(SafeText.terminalQuoted("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
    assertThat(SafeText.terminal("plain café 東京")).isEqualTo("plain café 東京");
  }
}
