package org.visionzero.ops.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.Difference;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnRequested;
import org.visionzero.logtools.replay.GameFilter;
import org.visionzero.logtools.replay.GameIndex;
import org.visionzero.logtools.replay.GameReplay;
import org.visionzero.logtools.replay.GameSummary;
import org.visionzero.logtools.replay.PairLookup;
import org.visionzero.logtools.replay.ReplayHtml;
import org.visionzero.logtools.replay.Timeline;
import org.visionzero.logtools.replay.TimelineEntry;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.ops.testing.ScriptedWorker;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.streams.config.ScorerConfig;
import org.visionzero.streams.config.StreamsAppSettings;
import org.visionzero.streams.coordinator.CoordinatorApp;
import org.visionzero.streams.scorer.ScorerApp;
import org.visionzero.topics.TopicCatalog;

/**
 * Replay on a real broker: games played by the coordinator, the scorer and a scripted worker (one of whose
 * clues is hostile markup) are listed, replayed exactly as recorded, and rendered as an HTML page that shows
 * the markup as text.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ReplayIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  static final String HOSTILE = "<script>alert('pwned')</script><img src=x onerror=alert(1)>";
  private static final int GAMES = 3;
  private static final Duration BUDGET = Duration.ofSeconds(90);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void shouldReplayAGameExactlyAsRecordedAndRenderAHostileClueAsText() throws Exception {
    // given three games played by the pipeline, seat 2 always answering with markup
    TopicCatalog topics = KAFKA.createTopics(KAFKA.uniqueCatalog());
    Path dir = Files.createTempDirectory("replay-it");
    Map<String, ScoredTrajectory> recorded;
    try (ScriptedPipeline pipeline = ScriptedPipeline.start(KAFKA, topics, dir, GAMES,
        request -> request.getSeat() == 2 ? HOSTILE : "seat " + request.getSeat() + " sees a cube")) {
      recorded = pipeline.awaitAll(BUDGET);
    }

    try (KafkaConsumer<String, byte[]> consumer = readCommitted(KAFKA)) {
      // when the games are listed and one is replayed
      List<GameSummary> games = GameIndex.list(consumer, topics, GameFilter.all(), TIMEOUT);
      String gameId = games.get(0).gameId();
      Timeline timeline = GameReplay.read(consumer, topics, gameId, TIMEOUT);

      // then the list has every game, completed, and the replay has exactly the recorded events in order
      assertThat(games).extracting(GameSummary::gameId).containsExactlyInAnyOrderElementsOf(recorded.keySet());
      assertThat(games).extracting(GameSummary::status).containsOnly(GameSummary.Status.COMPLETED);
      List<String> logged = eventIdsOf(consumer, topics, gameId);
      assertThat(timeline.entries()).extracting(TimelineEntry::eventId).containsExactlyElementsOf(logged);
      assertThat(timeline.entries()).hasSize(1 + 8 + 1 + 1); // start, 8 clues, the decision, completion
      assertThat(timeline.trajectory()).isEqualTo(recorded.get(gameId));
      assertThat(timeline.toText()).contains("outcome: winner").doesNotContain("ignored by the fold");

      // and the HTML page shows the hostile clue as text, with both images and the difference outlined
      ImagePairCreated pair = PairLookup.find(consumer, topics, timeline.started().getPairId(), TIMEOUT)
          .orElseThrow();
      Path page = ReplayHtml.write(timeline, pair, new FileBlobStore(dir.resolve("blobs")),
          dir.resolve(gameId + ".html"));
      Document doc = Jsoup.parse(Files.readString(page));
      assertThat(doc.select("script")).isEmpty();
      assertThat(doc.select("[onerror]")).isEmpty();
      assertThat(doc.select("tr.clue td.text").eachText()).contains(HOSTILE);
      assertThat(doc.select(".frame img")).hasSize(2);
      assertThat(doc.select("rect.difference")).hasSize(2);
      Files.writeString(outputDir().resolve("replay-sample.txt"), timeline.toText());
    }
  }

  private static List<String> eventIdsOf(KafkaConsumer<String, byte[]> consumer, TopicCatalog topics,
      String gameId) throws Exception {
    List<String> ids = new ArrayList<>();
    org.visionzero.logtools.replay.TopicReads.readToEnd(consumer,
        org.visionzero.logtools.replay.TopicReads.partitions(consumer, topics.gameEvents().name(), TIMEOUT),
        TIMEOUT, record -> {
          if (gameId.equals(record.key())) {
            ids.add(topics.gameEvents().valueSerde().deserializer().deserialize(record.topic(), record.value())
                .getEventId());
          }
        });
    return ids;
  }

  /** Where ITs leave sample output for the docs (target/it-output). */
  static Path outputDir() throws IOException {
    return Files.createDirectories(Path.of("target", "it-output"));
  }

  /** A read_committed consumer without a group, as the one-shot debugging reads want. */
  static KafkaConsumer<String, byte[]> readCommitted(KafkaBrokerExtension kafka) {
    Map<String, Object> props = kafka.clientProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The pipeline of CoordinatorIT in small: training pairs on two stored images (one outlined difference),
   * the coordinator, the scorer and a scripted transactional worker whose clues a test chooses and whose
   * observer always names seat 1.
   */
  static final class ScriptedPipeline implements AutoCloseable {
    private static final int MAX_IN_FLIGHT = 50;
    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(60);
    private static final int SIZE = 64;

    private final KafkaBrokerExtension kafka;
    private final TopicCatalog topics;
    private final int pairs;
    private final ScriptedWorker worker;
    private final CoordinatorApp coordinator;
    private final ScorerApp scorer;

    private ScriptedPipeline(KafkaBrokerExtension kafka, TopicCatalog topics, Path dir, int pairs,
        Function<TurnRequested, String> clues) throws IOException {
      this.kafka = kafka;
      this.topics = topics;
      this.pairs = pairs;
      this.worker = ScriptedWorker.start(kafka, topics, kafka.uniqueId("worker"), clues);
      this.coordinator = new CoordinatorApp(new CoordinatorConfig(Map.of(
          StreamsAppSettings.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
          StreamsAppSettings.APPLICATION_ID, kafka.uniqueId("coordinator"),
          StreamsAppSettings.STATE_DIR, Files.createDirectories(dir.resolve("coordinator-state")).toString(),
          StreamsAppSettings.TOPIC_PREFIX, topics.prefix(),
          CoordinatorConfig.MAX_GAMES_IN_FLIGHT, MAX_IN_FLIGHT,
          CoordinatorConfig.TURN_TIMEOUT_MS, TURN_TIMEOUT.toMillis(),
          "streams.replication.factor", "1")), new SimpleMeterRegistry()).start();
      this.scorer = new ScorerApp(ScorerConfig.scorer(Map.of(
          StreamsAppSettings.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
          StreamsAppSettings.APPLICATION_ID, kafka.uniqueId("scorer"),
          StreamsAppSettings.STATE_DIR, Files.createDirectories(dir.resolve("scorer-state")).toString(),
          StreamsAppSettings.TOPIC_PREFIX, topics.prefix(),
          "streams.replication.factor", "1")), new SimpleMeterRegistry()).start();
    }

    /**
     * Stores two images under {@code dir/blobs}, writes {@code pairs} training pairs (one game each), then
     * starts every component.
     */
    static ScriptedPipeline start(KafkaBrokerExtension kafka, TopicCatalog topics, Path dir, int pairs,
        Function<TurnRequested, String> clues) throws IOException {
      FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
      BlobRef original = blobs.put(png(0x3366aa), "image/png");
      BlobRef modified = blobs.put(png(0xaa6633), "image/png");
      producePairs(kafka, topics, pairs, original, modified);
      return new ScriptedPipeline(kafka, topics, dir, pairs, clues);
    }

    private static void producePairs(KafkaBrokerExtension kafka, TopicCatalog topics, int pairs,
        BlobRef original, BlobRef modified) {
      Map<String, Object> props = kafka.clientProperties();
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      try (KafkaProducer<String, ImagePairCreated> producer = new KafkaProducer<>(props, new StringSerializer(),
          topics.imagePairs().valueSerde().serializer())) {
        for (int i = 0; i < pairs; i++) {
          String pairId = String.format(Locale.ROOT, "pair-%04d", i);
          producer.send(new ProducerRecord<>(topics.imagePairs().name(), pairId, ImagePairCreated.newBuilder()
              .setEventId("pair/" + pairId).setOccurredAt(Instant.now()).setPairId(pairId)
              .setSource(ImageSource.SCENES).setOriginal(original).setModified(modified)
              .setDifferences(List.of(new Difference("object", "red sphere -> blue <cube>", 8, 8, 20, 16)))
              .setSpyHint("two objects differ").setWidth(SIZE).setHeight(SIZE).build()));
        }
        producer.flush();
      }
    }

    /** Waits until every pair's game is scored; returns the first trajectory of each game. */
    Map<String, ScoredTrajectory> awaitAll(Duration budget) {
      int count = pairs;
      Map<String, ScoredTrajectory> byGame = new TreeMap<>();
      Map<String, Object> props = kafka.clientProperties();
      props.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueId("trajectory-reader"));
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      try (KafkaConsumer<String, ScoredTrajectory> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
          topics.trajectories().valueSerde().deserializer())) {
        consumer.subscribe(List.of(topics.trajectories().name()));
        Instant until = Instant.now().plus(budget);
        while (byGame.size() < count && Instant.now().isBefore(until) && worker.failure() == null) {
          for (ConsumerRecord<String, ScoredTrajectory> record : consumer.poll(Duration.ofMillis(200))) {
            byGame.putIfAbsent(record.value().getGameId(), record.value());
          }
        }
      }
      assertThat(worker.failure()).isNull();
      assertThat(byGame).hasSize(count);
      return byGame;
    }

    @Override
    public void close() throws InterruptedException {
      coordinator.close();
      scorer.close();
      worker.close();
    }

    private static byte[] png(int rgb) {
      BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
      for (int x = 0; x < SIZE; x++) {
        for (int y = 0; y < SIZE; y++) {
          image.setRGB(x, y, rgb);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        ImageIO.write(image, "png", out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }
}
