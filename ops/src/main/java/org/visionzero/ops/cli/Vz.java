package org.visionzero.ops.cli;

import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The {@code vz} command line: one subcommand per deployable or operator task. */
@Command(name = "vz", mixinStandardHelpOptions = true, version = "vz 0.1.0",
    synopsisSubcommandLabel = "COMMAND",
    description = "Vision-Zero self-play on Apache Kafka.",
    footer = {"", "Settings: defaults < --config FILE (or $VZ_CONFIG) < VZ_* environment variables < flags.",
        "Run 'vz COMMAND --help' for the options of a command."})
public final class Vz implements Runnable {

  /** Every subcommand, in the order of 'vz --help'. Registering one is one line here. */
  static final List<Supplier<Object>> SUBCOMMANDS = List.of(
      RunCommand::new,
      BrokerCommand::new,
      TopicsCommand::new,
      ProduceCommand::new,
      PairsCommand::new,
      CoordinatorCommand::new,
      ScorerCommand::new,
      WorkerCommand::new,
      ServeCommand::new,
      CheckpointCommand::new,
      TrainerCommand::new,
      PretrainCommand::new,
      ProbeCommand::new,
      EvalCommand::new,
      ReplayCommand::new,
      TailCommand::new,
      RescoreCommand::new,
      AuditCommand::new,
      ChaosCommand::new,
      DeadLettersCommand::new,
      ExportCommand::new,
      BenchCommand::new,
      ExperimentCommand::new);

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
        + String.join(", ", spec.commandLine().getSubcommands().keySet()));
  }

  /** The configured command line, for {@link #main} and tests. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Vz());
    SUBCOMMANDS.forEach(subcommand -> commandLine.addSubcommand(subcommand.get()));
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    return commandLine;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
