package org.visionzero.ops.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.visionzero.logtools.export.ExportReport;
import org.visionzero.logtools.export.JsonlExport;
import org.visionzero.ops.cli.options.BlobStoreOptions;
import org.visionzero.ops.config.KafkaClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz export}: scored trajectories as JSONL for external trainers. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export scored trajectories as JSONL (one sample per line).",
        "Each line has the prompt, the completion, reward, advantage, tokens, behaviour log-probs, policy "
            + "version and the image path (format in README, 'Exporting trajectories')."})
public final class ExportCommand extends ClusterCommand {

  @Option(names = "--format", paramLabel = "jsonl", defaultValue = "jsonl", description = "Output format (jsonl).")
  String format;
  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write into.")
  Path out;
  @Option(names = "--since", paramLabel = "TIME", description = "Only games completed at or after (ISO-8601).")
  Instant since;
  @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "60", description = "Read timeout (default 60).")
  long timeoutSeconds;

  @Mixin
  BlobStoreOptions blobs;

  @Override
  void run(KafkaClientConfig settings) throws TimeoutException {
    if (!"jsonl".equals(format)) {
      throw new IllegalArgumentException("--format " + format + " is not supported: use jsonl");
    }
    try (KafkaConsumer<String, byte[]> consumer = LogReaders.open(settings)) {
      ExportReport report = JsonlExport.run(consumer, settings.topicCatalog(), blobs.open(), out, since,
          Duration.ofSeconds(timeoutSeconds));
      output.printJson(report.toJson(), () -> "Exported " + report.samples() + " samples of " + report.games()
          + " games to " + report.file().toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("export failed: " + e.getMessage(), e);
    }
  }
}
