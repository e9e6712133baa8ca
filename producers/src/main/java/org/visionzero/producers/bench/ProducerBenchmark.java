package org.visionzero.producers.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.visionzero.blob.BlobStore;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.producers.pairs.ImagePair;
import org.visionzero.producers.pairs.PairSource;
import org.visionzero.producers.pairs.PngCodec;
import org.visionzero.producers.pairs.SourceItem;
import org.visionzero.producers.publish.ImagePairPublisher;
import org.visionzero.producers.publish.PairSources;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.producers.publish.SourceKind;

/**
 * Pairs per second for each source at a resolution, on one thread: generate, encode both PNGs, derive the pair id
 * and store both blobs in a file blob store under the work directory. Kafka is left out: a send is asynchronous
 * and batched, so it is not what limits a producer. Photos are made from generated 640×480 JPEGs.
 */
public final class ProducerBenchmark {

  public static final int DEFAULT_PAIRS = 300;
  private static final int WARM_UP_PAIRS = 60;
  private static final int PHOTO_FILES = 20;
  private static final int PHOTO_WIDTH = 640;
  private static final int PHOTO_HEIGHT = 480;
  private static final int PHOTO_BLOBS = 12;
  private static final int PHOTO_BLOB_MIN = 40;
  private static final int PHOTO_BLOB_RANGE = 160;
  private static final int RGB_RANGE = 0x1000000;
  private static final double NANOS_PER_SECOND = 1e9;

  /**
   * @param pairs   pairs measured per source, after a warm-up
   * @param workDir an empty directory for the blob store and the generated photos
   */
  public record Options(int pairs, int width, int height, Path workDir) {
    public Options {
      if (pairs <= 0) {
        throw new IllegalArgumentException("benchmark pairs must be positive, got " + pairs);
      }
    }

    public static Options defaults(Path workDir) {
      return new Options(DEFAULT_PAIRS, ProduceOptions.DEFAULT_SIZE, ProduceOptions.DEFAULT_SIZE, workDir);
    }
  }

  private ProducerBenchmark() {
  }

  /** Runs the benchmark in a temporary directory and prints the JSON result: {@code [pairs] [width] [height]}. */
  public static void main(String[] args) throws IOException {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PAIRS;
    int width = args.length > 1 ? Integer.parseInt(args[1]) : ProduceOptions.DEFAULT_SIZE;
    int height = args.length > 2 ? Integer.parseInt(args[2]) : width;
    Path work = Files.createTempDirectory("vz-producers-bench");
    System.out.println(run(new Options(pairs, width, height, work)).toJson());
  }

  public static BenchmarkResult run(Options options) throws IOException {
    BlobStore blobs = new FileBlobStore(options.workDir().resolve("blobs"));
    Path photos = writePhotos(options.workDir().resolve("photos"));
    List<SourceThroughput> results = new ArrayList<>();
    for (SourceKind kind : SourceKind.values()) {
      ProduceOptions produce = kind == SourceKind.PHOTOS
          ? ProduceOptions.photos(photos, options.pairs(), 0)
          : ProduceOptions.of(kind, options.pairs(), 0);
      PairSource source = PairSources.create(produce.withSize(options.width(), options.height()));
      measure(source, blobs, 1_000_000, WARM_UP_PAIRS);
      long start = System.nanoTime();
      Tally tally = measure(source, blobs, 0, options.pairs());
      double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
      results.add(new SourceThroughput(kind.word(), options.width(), options.height(), tally.pairs, seconds,
          (tally.generateCpu + tally.storeCpu) / NANOS_PER_SECOND, tally.generateCpu / NANOS_PER_SECOND));
    }
    return new BenchmarkResult(results, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
  }

  /** CPU time of this thread, or 0 throughout when the JVM cannot measure it. */
  private static long cpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
  }

  /** Pairs made, and the CPU time spent generating (render + PNG) and storing (hash + blob files). */
  private static final class Tally {
    private long pairs;
    private long generateCpu;
    private long storeCpu;
  }

  private static Tally measure(PairSource source, BlobStore blobs, long firstSeed, int count) throws IOException {
    Tally tally = new Tally();
    Iterator<SourceItem> items = source.items(firstSeed, count);
    while (items.hasNext()) {
      long generateStart = cpuNanos();
      SourceItem item = items.next();
      long storeStart = cpuNanos();
      tally.generateCpu += storeStart - generateStart;
      if (item instanceof SourceItem.Produced produced) {
        ImagePair pair = produced.pair();
        String original = blobs.put(pair.originalPng(), PngCodec.MEDIA_TYPE).getSha256();
        String modified = blobs.put(pair.modifiedPng(), PngCodec.MEDIA_TYPE).getSha256();
        if (ImagePairPublisher.pairId(original, modified).isEmpty()) {
          throw new IllegalStateException("empty pair id");
        }
        tally.pairs++;
      }
      tally.storeCpu += cpuNanos() - storeStart;
    }
    return tally;
  }

  /** Photo-like JPEGs: gradients with blobs of colour, so edits and resizing do real work. */
  private static Path writePhotos(Path dir) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(0);
    for (int i = 0; i < PHOTO_FILES; i++) {
      BufferedImage image = new BufferedImage(PHOTO_WIDTH, PHOTO_HEIGHT, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      try {
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(RGB_RANGE)), PHOTO_WIDTH, PHOTO_HEIGHT,
            new Color(random.nextInt(RGB_RANGE))));
        g.fillRect(0, 0, PHOTO_WIDTH, PHOTO_HEIGHT);
        for (int blob = 0; blob < PHOTO_BLOBS; blob++) {
          g.setColor(new Color(random.nextInt(RGB_RANGE)));
          g.fillOval(random.nextInt(PHOTO_WIDTH), random.nextInt(PHOTO_HEIGHT),
              PHOTO_BLOB_MIN + random.nextInt(PHOTO_BLOB_RANGE), PHOTO_BLOB_MIN + random.nextInt(PHOTO_BLOB_RANGE));
        }
      } finally {
        g.dispose();
      }
      ImageIO.write(image, "jpg", dir.resolve(String.format(Locale.ROOT, "photo-%02d.jpg", i)).toFile());
    }
    return dir;
  }
}
