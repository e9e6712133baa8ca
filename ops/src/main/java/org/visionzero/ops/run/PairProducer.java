package org.visionzero.ops.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.visionzero.blob.BlobStore;
import org.visionzero.producers.publish.ImagePairPublisher;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.producers.publish.ProduceResult;
import org.visionzero.producers.publish.ProduceRunner;
import org.visionzero.producers.publish.ProgressListener;
import org.visionzero.topics.TopicCatalog;

/**
 * The run's image-pair producer on its own thread. It publishes in chunks and holds off while the coordinator
 * already has enough pairs waiting, so the admission queue stays short and evaluation requests are not stuck
 * behind thousands of training pairs. The next seed is kept in a file, so a resumed run continues the sequence.
 */
public final class PairProducer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PairProducer.class);
  private static final long JOIN_MILLIS = 30_000;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final int CHUNK = 32;
  private static final long BACKLOG_WAIT_MILLIS = 200;

  private final Thread thread;
  private final AtomicLong published = new AtomicLong();

  /**
   * @param backlog    pairs waiting in the coordinator right now
   * @param maxBacklog publish no more while {@code backlog} is at least this
   * @param seedFile   where the next seed is kept between runs
   */
  private PairProducer(ProduceOptions options, Map<String, Object> clientProperties, TopicCatalog topics,
      BlobStore blobs, LongSupplier backlog, long maxBacklog, Path seedFile) {
    thread = new Thread(() -> {
      Producer<byte[], byte[]> producer = new KafkaProducer<>(ImagePairPublisher.producerConfig(clientProperties));
      try {
        long next = readSeed(seedFile, options.seed());
        long end = options.seed() + options.count();
        while (next < end && !Thread.currentThread().isInterrupted()) {
          if (backlog.getAsLong() >= maxBacklog) {
            Thread.sleep(BACKLOG_WAIT_MILLIS);
            continue;
          }
          long count = Math.min(CHUNK, end - next);
          ProduceOptions chunk = new ProduceOptions(options.source(), options.directory(), count,
              options.ratePerSecond(), next, options.width(), options.height(), options.brokenShare(),
              options.heldOutShare());
          ProduceResult result = ProduceRunner.run(chunk, producer, topics, blobs, ProgressListener.NONE);
          published.addAndGet(result.published());
          next += count;
          writeSeed(seedFile, next);
        }
        LOG.info("producer done after {} pairs", published.get());
      } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
        LOG.info("producer stopped after {} pairs; a later run continues the sequence", published.get());
      } catch (RuntimeException | IOException e) {
        LOG.error("producer failed: {}", e.toString(), e);
      } finally {
        // Stopping interrupts this thread; an interrupted close() gives up waiting for the producer's I/O thread
        // (and logs an error), so the flag is cleared for the close and set again after it.
        boolean interrupted = Thread.interrupted();
        producer.close(CLOSE_TIMEOUT);
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }, "vz-producer");
  }

  public static PairProducer start(ProduceOptions options, Map<String, Object> clientProperties,
      TopicCatalog topics, BlobStore blobs, LongSupplier backlog, long maxBacklog, Path seedFile) {
    PairProducer producer = new PairProducer(options, clientProperties, topics, blobs, backlog, maxBacklog,
        seedFile);
    producer.thread.start();
    return producer;
  }

  /** Pairs published by this run so far. */
  public long published() {
    return published.get();
  }

  private static long readSeed(Path file, long first) throws IOException {
    if (!Files.isRegularFile(file)) {
      return first;
    }
    try {
      return Math.max(first, Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
    } catch (NumberFormatException e) {
      throw new IOException("the producer's seed file " + file + " is corrupt: delete it to start over", e);
    }
  }

  /** Writes the seed of the next pair (atomically: a crash leaves the old seed or the new one). */
  static void writeSeed(Path file, long seed) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, Long.toString(seed), StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(JOIN_MILLIS);
  }
}
