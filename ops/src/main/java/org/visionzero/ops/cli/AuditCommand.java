package org.visionzero.ops.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.visionzero.ops.audit.LogAudit;
import org.visionzero.ops.cli.options.ClusterOptions;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.ops.config.KafkaClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz audit}: reads the log back and counts what a crash or an outage may have broken. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"Check the log after a crash: no turn twice, no trajectory lost.",
        "Reads game-events and trajectories back (committed records, from the beginning) and counts what a crash "
            + "or an outage may have broken: turns answered twice, retries, aborted games, trajectories recorded "
            + "twice or contradicting their own decisions, completed games with no trajectory.",
        "Exit code 0 when the log is clean, 1 otherwise. Read-only: no group, no offsets committed."})
public final class AuditCommand implements Callable<Integer> {

  @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "120", description = "Time to read each topic.")
  long timeoutSeconds;

  @Mixin
  ClusterOptions cluster;
  @Mixin
  OutputOptions output;

  @Override
  public Integer call() throws TimeoutException {
    KafkaClientConfig settings = cluster.load();
    LogAudit audit = LogAudit.read(settings.clientProperties().asMap(), settings.topicCatalog(),
        Duration.ofSeconds(timeoutSeconds));
    output.printJson(audit.toJson(), audit::toString);
    return audit.clean() ? 0 : 1;
  }
}
