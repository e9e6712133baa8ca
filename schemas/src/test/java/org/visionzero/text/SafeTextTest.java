package org.visionzero.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.json.Json;

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

  @Test
  void shouldKeepTheLinesOfAMessageButShowEverythingElseThatWouldBeObeyed() {
    String text = SafeText.lines("first line\n\tsecond " + HOSTILE);

    assertThat(text).startsWith("first line\n\tsecond ");
    assertThat(text).doesNotContain("\r", "\u001b", "\u202E", "\u2066", "\u2028", "\u2029", "\u0000", "\u009b");
    assertThat(text).contains("abc\\u202eevil\\u202c", "one\\u2028two\\u2029three", "\\u001b[2J\\u000d");
    assertThat(SafeText.lines("plain café 東京\n")).isEqualTo("plain café 東京\n");
  }

  @Test
  void shouldEscapeWhatWouldBeObeyedInAJsonDocumentWithoutChangingWhatItSays() throws Exception {
    String clue = HOSTILE + "\u007f";
    String document = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("clue", clue));

    String safe = SafeText.json(document);

    assertThat(safe).doesNotContain("\u202E", "\u2066", "\u2028", "\u2029", "\u009b", "\u007f");
    assertThat(safe).contains("abc\\u202eevil\\u202c", "\n");
    assertThat(Json.mapper().readTree(safe).get("clue").asText()).isEqualTo(clue);
  }
}
