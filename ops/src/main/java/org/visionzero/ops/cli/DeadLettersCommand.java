package org.visionzero.ops.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.visionzero.events.DeadLetter;
import org.visionzero.ops.config.KafkaClientConfig;
import org.visionzero.ops.deadletter.DeadLetterReasons;
import org.visionzero.ops.deadletter.DeadLetterRedrive;
import org.visionzero.ops.eval.TopicTail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vz dead-letters list|redrive}: what the components could not process, and sending it back. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
    description = "List dead letters by reason; re-drive them to their topic.",
    subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Redrive.class})
public final class DeadLettersCommand extends CommandGroup {

  /** Options and reading shared by both subcommands. */
  abstract static class LettersAction extends ClusterCommand {
    @Option(names = "--reason", paramLabel = "NAME",
        description = "Only letters of this reason: the error class, e.g. PolicyLoadException.")
    String reason;
    @Option(names = "--source-topic", paramLabel = "TOPIC", description = "Only letters from this topic.")
    String sourceTopic;
    @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "30",
        description = "Longest wait for the dead-letter topic to be read to its end (default 30).")
    int timeoutSeconds;

    /** Every letter on the topic now that matches the filters. */
    List<DeadLetter> read(KafkaClientConfig settings) {
      Instant until = Instant.now().plusSeconds(timeoutSeconds);
      try (TopicTail<DeadLetter> tail = new TopicTail<>(settings.clientProperties().asMap(),
          settings.topicCatalog().deadLetters(), "vz-dead-letters-" + UUID.randomUUID())) {
        List<DeadLetter> letters = tail.pollToEnd(Duration.ofMillis(500), () -> Instant.now().isBefore(until));
        if (tail.lag() > 0) {
          throw new IllegalStateException("the dead-letter topic was not read to its end within " + timeoutSeconds
              + " s: raise --timeout-s");
        }
        return letters.stream().filter(letter -> DeadLetterReasons.matches(letter, reason, sourceTopic)).toList();
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Count the dead letters by reason and source topic, with the newest message of each.")
  static final class ListLetters extends LettersAction {
    @Override
    void run(KafkaClientConfig settings) {
      List<DeadLetterReasons.Row> rows = DeadLetterReasons.group(read(settings));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("topic", settings.topicCatalog().deadLetters().name());
      result.put("reasons", rows);
      output.print(result, () -> rows.isEmpty() ? "No dead letters" + filters() + "."
          : rows.stream().map(row -> row.count() + "  " + row.reason() + "  from "
              + (row.sourceTopic().isEmpty() ? "(no topic)" : row.sourceTopic()) + "  by " + row.component()
              + "  newest " + row.newest() + "\n    " + row.example())
              .collect(Collectors.joining("\n")));
    }

    private String filters() {
      return (reason == null ? "" : " of reason " + reason) + (sourceTopic == null ? "" : " from " + sourceTopic);
    }
  }

  @Command(name = "redrive", mixinStandardHelpOptions = true,
      description = {"Send the raw records of the chosen dead letters back to their source topic.",
          "Fix the cause first (e.g. publish the missing checkpoint); each re-driven record carries the header "
              + DeadLetterRedrive.REDRIVEN_FROM + " with the letter's id. The letters stay on the topic."})
  static final class Redrive extends LettersAction {
    @Option(names = "--dry-run", description = "Only say what would be sent.")
    boolean dryRun;
    @Spec
    CommandSpec spec;

    @Override
    void run(KafkaClientConfig settings) {
      if (reason == null) {
        throw new ParameterException(spec.commandLine(),
            "redrive needs --reason NAME (see 'vz dead-letters list'): re-driving every letter at once is "
                + "rarely what a fix calls for");
      }
      DeadLetterRedrive.Plan plan = DeadLetterRedrive.plan(read(settings));
      if (!dryRun) {
        send(settings, plan.records());
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("reason", reason);
      result.put("dryRun", dryRun);
      result.put("redriven", plan.records().size());
      result.put("notRedrivable", plan.notRedrivable().size());
      result.put("toTopics", plan.records().stream().collect(Collectors.groupingBy(ProducerRecord::topic,
          TreeMap::new, Collectors.counting())));
      output.print(result, () -> (dryRun ? "Would re-drive " : "Re-drove ") + plan.records().size()
          + " record(s) " + result.get("toTopics")
          + (plan.notRedrivable().isEmpty() ? "" : "; " + plan.notRedrivable().size()
              + " letter(s) had no source record to send back"));
    }

    private static void send(KafkaClientConfig settings, List<ProducerRecord<byte[], byte[]>> records) {
      Map<String, Object> props = settings.clientProperties().asMap();
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
          new ByteArraySerializer())) {
        List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
        producer.flush();
        for (Future<RecordMetadata> each : sent) {
          each.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while re-driving", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("re-driving failed: " + e.getCause().getMessage()
            + " (records sent before the failure stay sent; list again before retrying)", e.getCause());
      }
    }
  }
}
