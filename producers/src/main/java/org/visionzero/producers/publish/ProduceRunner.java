package org.visionzero.producers.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.visionzero.blob.BlobStore;
import org.visionzero.producers.pairs.BrokenPairs;
import org.visionzero.producers.pairs.ImagePair;
import org.visionzero.producers.pairs.PairSource;
import org.visionzero.producers.pairs.SourceItem;
import org.visionzero.topics.TopicCatalog;

/**
 * Runs `vz produce`: generates pairs from the chosen source, publishes them (blob store + ImagePairCreated),
 * dead-letters unusable inputs and carries on, skips pairs already published, and reports progress.
 */
public final class ProduceRunner {

  /** Acknowledgements are awaited (and pairs marked published) every this many sends. */
  static final int SETTLE_EVERY = 256;

  private ProduceRunner() {
  }

  /** Runs with a producer of its own on the given bootstrap servers, closed at the end. */
  public static ProduceResult run(ProduceOptions options, String bootstrapServers, TopicCatalog catalog,
                                  BlobStore blobs, ProgressListener progress) throws InterruptedException {
    try (Producer<byte[], byte[]> producer = new KafkaProducer<>(ImagePairPublisher.producerConfig(bootstrapServers))) {
      return run(options, producer, catalog, blobs, progress);
    }
  }

  /** Runs with the caller's byte-level producer (left open). */
  public static ProduceResult run(ProduceOptions options, Producer<byte[], byte[]> producer, TopicCatalog catalog,
                                  BlobStore blobs, ProgressListener progress) throws InterruptedException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    ImagePairPublisher publisher = new ImagePairPublisher(producer, catalog, blobs,
        new HeldOutSplit(options.heldOutShare()), Clock.systemUTC());
    return new Run(options, PairSources.create(options), publisher, progress).execute();
  }

  /** The state of one run. */
  private static final class Run {
    private final ProduceOptions options;
    private final PairSource source;
    private final ImagePairPublisher publisher;
    private final ProgressListener progress;
    private final BrokenPairs brokenPairs;
    private final RateLimiter rateLimiter;
    private final Set<String> seen = new HashSet<>();
    private final List<ImagePairPublisher.SentPair> unsettled = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private final List<String> published = new ArrayList<>();
    private final long start = System.nanoTime();
    private long handled;
    private long alreadyPublished;
    private long duplicates;
    private long broken;
    private long heldOut;

    Run(ProduceOptions options, PairSource source, ImagePairPublisher publisher, ProgressListener progress) {
      this.options = options;
      this.source = source;
      this.publisher = publisher;
      this.progress = progress;
      this.brokenPairs = new BrokenPairs(options.brokenShare());
      this.rateLimiter = new RateLimiter(options.ratePerSecond());
    }

    ProduceResult execute() throws InterruptedException {
      Iterator<SourceItem> items = source.items(options.seed(), options.count());
      while (items.hasNext()) {
        rateLimiter.acquire();
        SourceItem item = items.next();
        if (item instanceof SourceItem.Rejected rejection) {
          publisher.deadLetter(rejection);
          rejected.add(rejection.reference());
        } else if (item instanceof SourceItem.Produced produced) {
          handle(brokenPairs.apply(produced.pair()));
          handled++;
        }
        if (unsettled.size() >= SETTLE_EVERY) {
          settle();
        }
        progress.onProgress(progress());
      }
      settle();
      progress.onFinished(progress());
      return new ProduceResult(options.source(), published.size(), alreadyPublished, duplicates, broken, heldOut,
          rejected.size(), rejected, published, Duration.ofNanos(System.nanoTime() - start));
    }

    private void handle(ImagePair pair) {
      String pairId = ImagePairPublisher.pairId(pair);
      if (!seen.add(pairId)) {
        duplicates++;
      } else if (publisher.isPublished(pairId)) {
        alreadyPublished++;
      } else {
        unsettled.add(publisher.send(pair));
      }
    }

    /** Waits for the broker, then marks what it acknowledged as published; a failed send ends the run. */
    private void settle() throws InterruptedException {
      publisher.flush();
      for (ImagePairPublisher.SentPair sent : unsettled) {
        try {
          sent.acknowledgement().get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("publishing pair " + sent.pairId() + " failed: "
              + e.getCause().getMessage() + "; rerun the same command to resume (published pairs are skipped)",
              e.getCause());
        }
        publisher.markPublished(sent.pairId());
        published.add(sent.pairId());
        if (sent.event().getBroken() != null) {
          broken++;
        }
        if (sent.event().getHeldOut()) {
          heldOut++;
        }
      }
      unsettled.clear();
    }

    private Progress progress() {
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Progress(handled, options.count(), rejected.size(), seconds == 0 ? 0 : handled / seconds);
    }
  }
}
