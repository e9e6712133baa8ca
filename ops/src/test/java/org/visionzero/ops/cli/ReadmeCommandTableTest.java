package org.visionzero.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's command table says what the command takes: every command in it answers {@code --help}, and every
 * flag it shows is an option of that command.
 */
class ReadmeCommandTableTest {
  private static final Pattern CODE = Pattern.compile("`(vz [^`]*)`");
  private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9-]*");
  /** A flag shown with its choices, "--policy model|random": the choices must be the option's label. */
  private static final Pattern CHOICES = Pattern.compile("(--[a-z][a-z0-9-]*) ([^\\s\\]|]+(?:\\|[^\\s\\]|]+)+)");

  /** One command of the table: its subcommand path and the flags the README shows for it. */
  record Row(String text, List<String> path, List<String> flags, java.util.Map<String, String> choices) {}

  @Test
  void shouldListOnlyCommandsAndFlagsThatExist() throws Exception {
    List<Row> rows = rows(Files.readAllLines(Path.of("..", "README.md")));

    assertThat(rows).as("rows of the README's command table").hasSizeGreaterThan(15);
    for (Row row : rows) {
      CommandLine command = Vz.commandLine();
      for (String word : row.path()) {
        assertThat(command.getSubcommands()).as("'%s' in `%s`", word, row.text()).containsKey(word);
        command = command.getSubcommands().get(word);
      }
      for (String flag : row.flags()) {
        assertThat(command.getCommandSpec().findOption(flag)).as("%s in `%s`", flag, row.text()).isNotNull();
      }
      for (var choice : row.choices().entrySet()) {
        assertThat(command.getCommandSpec().findOption(choice.getKey()).paramLabel())
            .as("the choices of %s in `%s`", choice.getKey(), row.text()).isEqualTo(choice.getValue());
      }
      StringWriter help = new StringWriter();
      CommandLine top = Vz.commandLine();
      top.setOut(new PrintWriter(help));
      List<String> args = new ArrayList<>(row.path());
      args.add("--help");
      assertThat(top.execute(args.toArray(String[]::new))).as("`vz %s --help`", String.join(" ", row.path()))
          .isZero();
      assertThat(help.toString()).contains("Usage: vz " + String.join(" ", row.path()));
    }
  }

  /** The commands of the "## Commands" table, alternatives of a subcommand ("a\|b") expanded. */
  static List<Row> rows(List<String> readme) {
    List<Row> rows = new ArrayList<>();
    boolean inSection = false;
    for (String line : readme) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Commands");
      }
      if (!inSection || !line.startsWith("| `vz ")) {
        continue;
      }
      String firstCell = line.substring(1, line.indexOf(" | ", 1) + 1);
      Matcher code = CODE.matcher(firstCell);
      while (code.find()) {
        String text = code.group(1).replace("\\|", "|");
        java.util.Map<String, String> choices = new java.util.LinkedHashMap<>();
        Matcher choice = CHOICES.matcher(text);
        while (choice.find()) {
          choices.put(choice.group(1), choice.group(2));
        }
        List<String> flags = new ArrayList<>();
        Matcher flag = FLAG.matcher(text);
        while (flag.find()) {
          flags.add(flag.group());
        }
        List<List<String>> paths = new ArrayList<>(List.of(new ArrayList<>()));
        for (String token : text.substring("vz ".length()).split(" ")) {
          if (token.startsWith("-") || token.startsWith("[") || !token.matches("[a-z|]+")) {
            break;
          }
          List<List<String>> longer = new ArrayList<>();
          for (List<String> path : paths) {
            for (String alternative : token.split("\\|")) {
              List<String> next = new ArrayList<>(path);
              next.add(alternative);
              longer.add(next);
            }
          }
          paths = longer;
        }
        paths.forEach(path -> rows.add(new Row(text, path, flags, choices)));
      }
    }
    return rows;
  }
}
