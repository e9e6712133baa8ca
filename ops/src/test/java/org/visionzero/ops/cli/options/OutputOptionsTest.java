package org.visionzero.ops.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Whatever a command prints for people or as JSON cannot reorder or rewrite the terminal it reaches. */
class OutputOptionsTest {
  private static final String CLUE = "red \u202Eevil\u202C cube\u2028\u001b[2J";

  @Command(name = "show")
  static final class Show implements Runnable {
    @Mixin
    OutputOptions output;

    @Override
    public void run() {
      output.progress("progress " + CLUE);
      output.print(Map.of("clue", CLUE), () -> "clue: " + CLUE + "\nnext line");
    }
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private void show(String... args) {
    CommandLine commandLine = new CommandLine(new Show());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    assertThat(commandLine.execute(args)).isZero();
  }

  @Test
  void givenTextForPeople_whenPrinted_thenItsLinesKeptAndEverythingElseShown() {
    show();

    assertThat(out.toString()).isEqualTo("clue: red \\u202eevil\\u202c cube\\u2028\\u001b[2J\nnext line\n");
    assertThat(err.toString()).isEqualTo("progress red \\u202eevil\\u202c cube\\u2028\\u001b[2J\n");
  }

  @Test
  void givenJson_whenPrinted_thenEscapedAndAReaderGetsTheSameText() throws Exception {
    show("--json");

    assertThat(out.toString()).doesNotContain("\u202E", "\u2028", "\u001b").contains("\\u202e");
    assertThat(Json.mapper().readTree(out.toString()).get("clue").asText()).isEqualTo(CLUE);
  }
}
