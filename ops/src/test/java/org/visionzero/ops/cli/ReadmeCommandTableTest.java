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
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The READMEs say what the commands take: every command of the main README's command table answers
 * {@code --help}, and every flag shown with a {@code vz} command anywhere in README.md, ops/README.md,
 * ops/RUNBOOK.md or ops/SECURITY.md (tables, text, code blocks) is an option of that command, with the choices it
 * shows.
 */
class ReadmeCommandTableTest {
  private static final Pattern CODE = Pattern.compile("`(vz [^`]*)`");
  /** A command in backticks anywhere, after environment settings or {@code ./}: "`VZ_X=1 ./vz run --sync`". */
  private static final Pattern INLINE = Pattern.compile("`(?:[A-Z_]+=\\S* )*(?:\\./)?(vz [a-z][^`]*)`");
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

  @Test
  void shouldShowOnlyFlagsThatExistWhereverTheReadmesShowACommand() throws Exception {
    SoftAssertions softly = new SoftAssertions(); // every mismatch of both files in one report
    CommandLine vz = Vz.commandLine(); // only looked up here, never run
    for (Path readme : List.of(Path.of("..", "README.md"), Path.of("README.md"), Path.of("RUNBOOK.md"),
        Path.of("SECURITY.md"))) {
      List<Row> rows = snippets(Files.readAllLines(readme));

      softly.assertThat(rows).as("vz commands shown in %s", readme).hasSizeGreaterThan(readme.toString()
          .endsWith("README.md") ? 10 : 1);
      for (Row row : rows) {
        CommandLine command = vz;
        for (String word : row.path()) {
          if (!command.getSubcommands().containsKey(word)) {
            softly.fail("'%s' in `%s` (%s) is not a command", word, row.text(), readme);
            break;
          }
          command = command.getSubcommands().get(word);
        }
        for (String flag : row.flags()) {
          softly.assertThat(command.getCommandSpec().findOption(flag)).as("%s in `%s` (%s)", flag, row.text(),
              readme).isNotNull();
        }
        for (var choice : row.choices().entrySet()) {
          CommandLine.Model.OptionSpec option = command.getCommandSpec().findOption(choice.getKey());
          softly.assertThat(option == null ? null : option.paramLabel())
              .as("the choices of %s in `%s` (%s)", choice.getKey(), row.text(), readme).isEqualTo(choice.getValue());
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void shouldFindCommandsInCodeBlocksAcrossContinuedLinesAndInBackticksAfterEnvironmentSettings() {
    List<Row> rows = snippets(List.of("```bash", "./vz bench learning --duration 3m \\",
        "    --v0 FILE   # a comment --not-a-flag", "```", "see `VZ_X=1 ./vz run --sync` on `vz.image-pairs`"));

    assertThat(rows).extracting(Row::path).containsExactly(List.of("bench", "learning"), List.of("run"));
    assertThat(rows).extracting(Row::flags).containsExactly(List.of("--duration", "--v0"), List.of("--sync"));
  }

  /**
   * Every {@code vz ...} a README shows outside the command table: in backticks (tables and text) and on the
   * {@code ./vz} lines of code blocks (continued lines joined, comments dropped).
   */
  static List<Row> snippets(List<String> readme) {
    List<Row> rows = new ArrayList<>();
    boolean inCode = false;
    for (int i = 0; i < readme.size(); i++) {
      String line = readme.get(i);
      if (line.trim().startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        String command = line.trim().replaceFirst("^\\$ ", "");
        if (command.startsWith("./vz ")) {
          while (command.endsWith("\\") && i + 1 < readme.size()) {
            command = command.substring(0, command.length() - 1) + " " + readme.get(++i).trim();
          }
          rows.addAll(parse(command.replaceFirst("\\s+#.*$", "").substring("./".length())));
        }
        continue;
      }
      Matcher code = INLINE.matcher(line);
      while (code.find()) {
        rows.addAll(parse(code.group(1)));
      }
    }
    return rows;
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
        rows.addAll(parse(code.group(1)));
      }
    }
    return rows;
  }

  /** One shown command ("vz a\\|b [--flag X\\|Y]"): a row per alternative subcommand path. */
  static List<Row> parse(String shown) {
    String text = shown.replace("\\|", "|");
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
    for (String token : text.substring("vz ".length()).trim().split("\\s+")) {
      if (token.startsWith("-") || token.startsWith("[") || !token.matches("[a-z|][a-z|-]*")) {
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
    List<Row> rows = new ArrayList<>();
    paths.forEach(path -> rows.add(new Row(text, path, flags, choices)));
    return rows;
  }
}
