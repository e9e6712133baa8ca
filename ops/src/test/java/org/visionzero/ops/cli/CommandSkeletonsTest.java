package org.visionzero.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.visionzero.ops.config.KafkaClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExitCodeGenerator;

/** What the shared command skeletons do: {@link ClusterCommand}, {@link CommandGroup}, {@link ScratchBenchmark}. */
class CommandSkeletonsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Command(name = "slow")
  static final class SlowCluster extends ClusterCommand {
    String bootstrapServers;

    @Override
    void run(KafkaClientConfig settings) throws TimeoutException {
      bootstrapServers = settings.clientProperties().bootstrapServers();
      throw new TimeoutException("no answer from the cluster within 1 s");
    }
  }

  /** As {@code vz audit}: the exit code says what the command found. */
  @Command(name = "finds")
  static final class FindingCluster extends ClusterCommand implements IExitCodeGenerator {
    private boolean clean;

    @Override
    void run(KafkaClientConfig settings) {
      clean = false;
    }

    @Override
    public int getExitCode() {
      return clean ? 0 : 1;
    }
  }

  @Command(name = "group", subcommands = SlowCluster.class)
  static final class Group extends CommandGroup {
  }

  private int execute(Object command, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    return commandLine.execute(args);
  }

  @Test
  void givenAClusterCommand_whenTheClusterDoesNotAnswer_thenItFailsNamingTheLikelyCause() {
    SlowCluster command = new SlowCluster();

    int status = execute(command, "--bootstrap-servers", "127.0.0.1:1", "--json");

    assertThat(command.bootstrapServers).isEqualTo("127.0.0.1:1");
    assertThat(command.output.json()).isTrue();
    assertThat(status).isEqualTo(ErrorReporter.FAILURE);
    assertThat(err.toString()).contains("slow: no answer from the cluster within 1 s (is the cluster reachable?)");
  }

  @Test
  void givenAClusterCommandThatGeneratesAnExitCode_whenItFindsSomething_thenThatIsTheStatus() {
    int status = execute(new FindingCluster(), "--bootstrap-servers", "127.0.0.1:1");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void givenACommandGroup_whenRunWithoutASubcommand_thenItShowsItsUsage() {
    int status = execute(new Group());

    assertThat(status).isZero();
    assertThat(out.toString()).contains("Usage: group").contains("slow");
  }

  @Test
  void givenABenchmark_whenItsReportFails_thenTheCommandFailsAsTheBenchmarksAndTheScratchIsGone() {
    AtomicReference<Path> work = new AtomicReference<>();

    assertThatThrownBy(() -> ScratchBenchmark.run("vz-skeleton-test", dir -> {
      work.set(dir);
      return "incomplete";
    }, result -> {
      throw new IllegalStateException("the pipeline lost work: " + result);
    })).isInstanceOf(IllegalStateException.class).hasMessage("benchmark failed: the pipeline lost work: incomplete");
    assertThat(work.get()).isNotNull();
    assertThat(Files.exists(work.get())).isFalse();
  }
}
