package org.visionzero.ops.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.visionzero.ops.cli.options.BlobStoreOptions;
import org.visionzero.ops.config.KafkaClientConfig;
import org.visionzero.ops.progress.ConsoleProgress;
import org.visionzero.producers.publish.ImagePairPublisher;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.producers.publish.ProduceResult;
import org.visionzero.producers.publish.ProduceRunner;
import org.visionzero.producers.publish.Progress;
import org.visionzero.producers.publish.ProgressListener;
import org.visionzero.producers.publish.SourceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz produce}: image pairs into the blob store and {@code vz.image-pairs}. */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = {"Generate image pairs (scenes, charts, photos) and publish them.",
        "Pair ids come from the content, so re-running the same command never duplicates a pair; unusable "
            + "photos go to the dead-letter topic with the reason."})
public final class ProduceCommand extends ClusterCommand {

  @Option(names = "--source", required = true, paramLabel = "scenes|charts|photos",
      description = "Where pairs come from.")
  String source;
  @Option(names = "--dir", paramLabel = "DIR", description = "Folder of JPEG/PNG photos (--source photos).")
  Path dir;
  @Option(names = "--count", required = true, paramLabel = "N", description = "Pairs to produce.")
  long count;
  @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
      description = "At most R pairs per second (0, the default: as fast as possible).")
  double rate;
  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the first pair (default 1).")
  long seed;
  @Option(names = "--size", paramLabel = "PX", defaultValue = "128", description = "Image width and height (default 128).")
  int size;
  @Option(names = "--broken-share", paramLabel = "F", defaultValue = "0",
      description = "Share of pairs broken on purpose (blank or identical), as in the paper's robustness study.")
  double brokenShare;
  @Option(names = "--held-out-share", paramLabel = "F", defaultValue = "0.1",
      description = "Share of pairs reserved for evaluation, never trained on (default 0.1).")
  double heldOutShare;

  @Mixin
  BlobStoreOptions blobs;

  @Override
  void run(KafkaClientConfig settings) {
    ProduceOptions options = new ProduceOptions(SourceKind.parse(source), Optional.ofNullable(dir), count, rate,
        seed, size, size, brokenShare, heldOutShare);
    Map<String, Object> producerConfig = ImagePairPublisher.producerConfig(settings.clientProperties().asMap());
    ProgressListener progress = output.json() ? ProgressListener.NONE : new ProgressListener() {
      private final ConsoleProgress console = ConsoleProgress.onStderr(ConsoleProgress.LOG_EVERY);

      @Override
      public void onProgress(Progress done) {
        console.update(ConsoleProgress.bar(done.share()) + " " + done.summary());
      }

      @Override
      public void onFinished(Progress done) {
        console.finish(ConsoleProgress.bar(done.share()) + " " + done.summary());
      }
    };
    ProduceResult result;
    try (Producer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig)) {
      result = ProduceRunner.run(options, producer, settings.topicCatalog(), blobs.open(), progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: re-run the same command to resume", e);
    }
    output.printJson(result.toJson(), () -> "Published " + result.published() + " pairs (" + result.alreadyPublished()
        + " already published, " + result.deadLettered() + " dead-lettered, " + result.heldOut() + " held out) in "
        + result.elapsed().toMillis() + " ms to " + settings.topicCatalog().imagePairs().name() + "; images in " + blobs.directory());
  }
}
