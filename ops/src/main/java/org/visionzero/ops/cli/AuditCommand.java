package org.visionzero.ops.cli;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.visionzero.ops.audit.LogAudit;
import org.visionzero.ops.config.KafkaClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExitCodeGenerator;
import picocli.CommandLine.Option;

/** {@code vz audit}: reads the log back and counts what a crash or an outage may have broken. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"Check the log after a crash: no turn twice, no trajectory lost.",
        "Reads game-events and trajectories back (committed records, from the beginning) and counts what a crash "
            + "or an outage may have broken: turns answered twice, retries, aborted games, trajectories recorded "
            + "twice or contradicting their own decisions, completed games with no trajectory.",
        "Exit code 0 when the log is clean, 1 otherwise. Read-only: no group, no offsets committed."})
public final class AuditCommand extends ClusterCommand implements IExitCodeGenerator {

  @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "120", description = "Time to read each topic.")
  long timeoutSeconds;

  /** Whether the log was clean, once {@link #run} has read it: picocli's exit code. */
  private boolean clean;

  @Override
  void run(KafkaClientConfig settings) throws TimeoutException {
    LogAudit audit = LogAudit.read(settings.clientProperties().asMap(), settings.topicCatalog(),
        Duration.ofSeconds(timeoutSeconds));
    output.printJson(audit.toJson(), audit::toString);
    clean = audit.clean();
  }

  @Override
  public int getExitCode() {
    return clean ? 0 : 1;
  }
}
