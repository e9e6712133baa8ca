package org.visionzero.ops.cli;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.visionzero.logtools.replay.GameTail;
import org.visionzero.ops.cli.options.ClusterOptions;
import org.visionzero.ops.config.KafkaClientConfig;
import org.visionzero.text.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vz tail}: follow games live, one compact line per event. */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Follow games live, one line per event, until Ctrl-C.")
public final class TailCommand implements Runnable {

  @Option(names = "--from-beginning", description = "Also print what is already in the log.")
  boolean fromBeginning;
  @Option(names = "--timeout-s", paramLabel = "S", defaultValue = "30", description = "Metadata timeout.")
  long timeoutSeconds;

  @Mixin
  ClusterOptions cluster;
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    KafkaClientConfig settings = cluster.load();
    AtomicBoolean stop = new AtomicBoolean();
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        main.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "vz-tail-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (KafkaConsumer<String, byte[]> consumer = LogReaders.open(settings)) {
      GameTail.follow(consumer, settings.topicCatalog(), fromBeginning, line -> {
        spec.commandLine().getOut().println(SafeText.terminal(line)); // one event, one line
        spec.commandLine().getOut().flush();
      }, stop::get, Duration.ofSeconds(timeoutSeconds));
    }
  }
}
