package org.visionzero.ops.run;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.rules.TurnPlan;
import org.visionzero.ops.audit.LogAudit;
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.progress.MeterTotals;
import org.visionzero.process.ProcessUsage;
import org.visionzero.producers.publish.ImagePairPublisher;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.producers.publish.SourceKind;
import org.visionzero.streams.coordinator.CoordinatorMetrics;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.workers.WorkerConfig;

/**
 * {@code vz bench pipeline}: the whole pipeline with the scripted zero-cost random policy on the embedded
 * broker, then, on the same broker, the raw Kafka rate of producing and consuming as many records of the same
 * sizes. The ratio says how much of Kafka's rate the pipeline keeps.
 *
 * <p>The image pairs are rendered and stored before the timed window ({@link StagedPairs}); a few warm-up games
 * then bring every group to its assignment and every store to its restoration, and the window opens when they
 * are done. Within it the pairs are fed at once (full load) or at an offered turn rate. Afterwards every topic
 * is read back (read_committed) and checked: each requested turn answered once, no game lost.
 */
public final class PipelineBenchmark {
  /**
   * Games in flight unless told otherwise: a game's turns are sequential, so turns/s is games in flight over the
   * turn round trip (the run's default is far smaller, for fresher training samples).
   */
  public static final int DEFAULT_GAMES_IN_FLIGHT = 1024;
  /** Games played before the timed window opens, and left out of its figures. */
  static final int WARM_UP_GAMES = 16;

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration WAIT_TICK = Duration.ofMillis(20);
  private static final byte[] WARM_UP_KEY = "warm-up".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration READ_BACK_TIMEOUT = Duration.ofSeconds(120);
  private static final double PERCENT = 100.0;
  private static final String RAW_TOPIC = "bench.raw";

  private PipelineBenchmark() {
  }

  /**
   * What to run.
   *
   * @param dataDir               a fresh directory for the broker and blobs
   * @param games                 games in the timed window (one image pair each)
   * @param gamesInFlight         the coordinator's bound on games in flight
   * @param offeredTurnsPerSecond turns a second offered to the pipeline (as games a second); 0: all at once
   * @param budget                how long to wait for the games before reporting what was done
   * @param settings              a {@code vz run} settings file (e.g. Streams' commit interval); the options
   *                              above and the bench's own choices (policy, producer, evaluation) win over it
   */
  public record Options(Path dataDir, int games, int workers, int gamesInFlight, double offeredTurnsPerSecond,
      Duration budget, Optional<Path> settings) {
    public Options {
      if (games < 1 || workers < 1 || gamesInFlight < 1 || offeredTurnsPerSecond < 0) {
        throw new IllegalArgumentException("need games, workers and games in flight >= 1 and a rate >= 0, got "
            + games + ", " + workers + ", " + gamesInFlight + ", " + offeredTurnsPerSecond);
      }
    }
  }

  /** The figures of one benchmark; the rates and latencies are those of the timed window. */
  public record Result(Options options, long games, long turns, double pipelineSeconds, double gamesPerSecond,
      double turnsPerSecond, double p50TurnMillis, double p99TurnMillis, ReadBack readBack, double cpuCoresUsed,
      long records, long bytes, double pipelineRecordsPerSecond, double rawSeconds, double rawRecordsPerSecond,
      double ratio) {

    /** True when the read-back found every requested turn answered once and every game played. */
    public boolean complete() {
      return readBack.turnsRequested() == readBack.turnsAnswered() && readBack.duplicateTurns() == 0
          && readBack.gamesLost() == 0;
    }

    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("games", games);
      json.put("warmUpGames", WARM_UP_GAMES);
      json.put("gamesInFlight", options.gamesInFlight());
      json.put("workers", options.workers());
      json.put("offeredTurnsPerSecond", options.offeredTurnsPerSecond() == 0 ? "full load"
          : options.offeredTurnsPerSecond());
      json.put("turns", turns);
      json.put("pipelineSeconds", pipelineSeconds);
      json.put("gamesPerSecond", gamesPerSecond);
      json.put("turnsPerSecond", turnsPerSecond);
      json.put("p50TurnLatencyMs", p50TurnMillis);
      json.put("p99TurnLatencyMs", p99TurnMillis);
      json.put("cpuCoresUsed", cpuCoresUsed);
      readBack.putInto(json);
      json.put("complete", complete());
      json.put("records", records);
      json.put("bytes", bytes);
      json.put("pipelineRecordsPerSecond", pipelineRecordsPerSecond);
      json.put("rawKafkaSeconds", rawSeconds);
      json.put("rawKafkaRecordsPerSecond", rawRecordsPerSecond);
      json.put("pipelineToRawRatio", ratio);
      return json;
    }
  }

  /**
   * What reading every topic back found.
   *
   * @param turnsRequested distinct turn requests (game, turn, attempt) of all games, warm-up included
   * @param turnsAnswered  distinct requested turns with an answer in the game events
   * @param turnsRetried   retries the coordinator made (a turn not answered within its timeout)
   * @param duplicateTurns turns with more than one answer in the log
   * @param gamesLost      fed games that did not complete (or were aborted)
   */
  public record ReadBack(long turnsRequested, long turnsAnswered, long turnsRetried, long duplicateTurns,
      long gamesLost) {

    /** The read-back counts under their JSON keys, shared by the benches that read a run back. */
    void putInto(Map<String, Object> json) {
      json.put("turnsRequested", turnsRequested);
      json.put("turnsAnswered", turnsAnswered);
      json.put("turnsRetried", turnsRetried);
      json.put("duplicateTurns", duplicateTurns);
      json.put("gamesLost", gamesLost);
    }
  }

  /** Games a second that offer {@code turnsPerSecond}: each game is a fixed plan of turns (code mode). */
  static double gamesPerSecondOffering(double turnsPerSecond) {
    GameConfig game = GameConfig.code();
    int turnsPerGame = TurnPlan.of(game.numPlayers(), game.clueRounds(), 1, game.decisionMode(),
        game.decisionSamples()).size();
    return turnsPerSecond / turnsPerGame;
  }

  public static Result run(Options options) throws Exception {
    int total = WARM_UP_GAMES + options.games();
    Map<String, String> flags = new HashMap<>();
    flags.put("data.dir", options.dataDir().toString());
    flags.put("broker.port", "0");
    flags.put(VzRunConfig.POLICY, VzRunConfig.POLICY_RANDOM);
    flags.put(VzRunConfig.WORKERS, Integer.toString(options.workers()));
    flags.put(VzRunConfig.PRODUCE_RATE, "0");
    flags.put(VzRunConfig.PRODUCE_COUNT, Integer.toString(total));
    flags.put(VzRunConfig.HELD_OUT_SHARE, "0");
    flags.put(VzRunConfig.MAX_GAMES_IN_FLIGHT, Integer.toString(options.gamesInFlight()));
    // the zero-cost policy answers whatever a poll brings at once: the batch bound only adds round trips
    flags.put(VzRunConfig.WORKER_BATCH_MAX_SIZE,
        Integer.toString(Math.min(WorkerConfig.MAX_BATCH_SIZE, options.gamesInFlight())));
    flags.put(VzRunConfig.EVAL_FINAL_GAMES, "0");
    VzRunConfig config = ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(options.settings(), Map.of(), flags));
    try (VzRun run = VzRun.start(config)) {
      Map<String, Object> clients = run.clientProperties().asMap();
      StagedPairs staged = StagedPairs.render(clients, Pipeline.blobStore(config), new ProduceOptions(
          SourceKind.SCENES, Optional.empty(), total, 0, config.produceSeed(), config.imageSize(),
          config.imageSize(), 0, 0));
      // the run's own producer finds every pair of its range already made
      PairProducer.writeSeed(Pipeline.producerSeedFile(config), config.produceSeed() + total);

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      Pipeline.start(run, config, new ScriptedRuntime(), registry, line -> { });
      String pairTopic = run.catalog().imagePairs().name();
      Instant until = Instant.now().plus(options.budget());
      Window window;
      try (KafkaProducer<byte[], byte[]> feed = new KafkaProducer<>(ImagePairPublisher.producerConfig(clients))) {
        staged.feed(feed, pairTopic, 0, WARM_UP_GAMES, 0);
        awaitCompleted(registry, WARM_UP_GAMES, until);
        window = Window.open();
        ExecutorService feeder = Executors.newSingleThreadExecutor(r -> new Thread(r, "vz-bench-feed"));
        try {
          Future<?> fed = feeder.submit(() -> {
            staged.feed(feed, pairTopic, WARM_UP_GAMES, total, gamesPerSecondOffering(
                options.offeredTurnsPerSecond()));
            return null;
          });
          awaitCompleted(registry, total, until);
          window.close();
          fed.get();
        } finally {
          feeder.shutdownNow();
        }
      }
      long completed = (long) MeterTotals.counter(registry, CoordinatorMetrics.GAMES_COMPLETED) - WARM_UP_GAMES;
      Log log = readLog(clients, run.catalog(), window);
      LogAudit audit = LogAudit.read(clients, run.catalog(), READ_BACK_TIMEOUT);
      ReadBack readBack = new ReadBack(log.requested(), log.answered(), audit.retries(),
          audit.turnsAnsweredTwice().size(), total - (audit.completedAt().size() - audit.aborted()));
      double seconds = window.seconds();
      double raw = rawKafkaSeconds(clients, log.sizes());
      double pipelineRate = log.sizes().length / seconds;
      double rawRate = log.sizes().length / raw;
      return new Result(options, completed, log.turnsInWindow(), seconds, completed / seconds,
          log.turnsInWindow() / seconds, percentile(log.latenciesMillis(), 50), percentile(log.latenciesMillis(), 99),
          readBack, window.coresUsed(), log.sizes().length, Arrays.stream(log.sizes()).sum(),
          pipelineRate, raw, rawRate, pipelineRate / rawRate);
    }
  }

  static void awaitCompleted(SimpleMeterRegistry registry, long games, Instant until)
      throws InterruptedException {
    while (MeterTotals.counter(registry, CoordinatorMetrics.GAMES_COMPLETED) < games && Instant.now().isBefore(until)) {
      Thread.sleep(WAIT_TICK.toMillis());
    }
  }

  /** The timed window: wall time and this process's CPU time. */
  static final class Window {
    private final Instant opened = Instant.now();
    private final long cpuAtOpen = ProcessUsage.cpuNanos();
    private Instant closed;
    private long cpuAtClose;

    static Window open() {
      return new Window();
    }

    void close() {
      closed = Instant.now();
      cpuAtClose = ProcessUsage.cpuNanos();
    }

    boolean contains(Instant instant) {
      return !instant.isBefore(opened) && !instant.isAfter(closed);
    }

    double seconds() {
      return Duration.between(opened, closed).toNanos() / 1e9;
    }

    double coresUsed() {
      return ProcessUsage.coresUsed(cpuAtOpen, cpuAtClose, Duration.between(opened, closed).toNanos());
    }
  }

  /**
   * @param sizes           every record's size, of every topic the pipeline writes
   * @param requested       distinct turn requests
   * @param answered        distinct requests with an answer
   * @param turnsInWindow   answers written within the window
   * @param latenciesMillis request-to-answer times of the turns requested within the window, sorted
   */
  record Log(int[] sizes, long requested, long answered, long turnsInWindow, double[] latenciesMillis) {
  }

  /**
   * Every record the pipeline wrote to its topics, and each turn's latency from request to answer (the turn
   * requests are read before the game events that answer them).
   */
  static Log readLog(Map<String, Object> clients, TopicCatalog topics, Window window) {
    List<Integer> sizes = new ArrayList<>();
    Map<String, Instant> requested = new HashMap<>();
    Set<String> answered = new HashSet<>();
    List<Double> latencies = new ArrayList<>();
    long inWindow = 0;
    List<Topic<String, ?>> read = List.of(topics.imagePairs(), topics.turnRequests(), topics.gameEvents(),
        topics.trajectories(), topics.checkpoints());
    for (Topic<String, ?> topic : read) {
      boolean requests = topic.name().equals(topics.turnRequests().name());
      boolean events = topic.name().equals(topics.gameEvents().name());
      for (byte[] value : readAll(clients, topic.name())) {
        sizes.add(value.length);
        if (requests) {
          TurnRequested request = topics.turnRequests().valueSerde().deserializer().deserialize(topic.name(), value);
          requested.put(key(request.getGameId(), request.getTurn(), request.getAttempt()), request.getOccurredAt());
        } else if (events) {
          GameEvent event = topics.gameEvents().valueSerde().deserializer().deserialize(topic.name(), value);
          Optional<String> key = answerKey(event);
          if (key.isEmpty()) {
            continue;
          }
          Instant asked = requested.get(key.get());
          if (asked != null) {
            answered.add(key.get());
          }
          if (window.contains(event.getOccurredAt())) {
            inWindow++;
            if (asked != null && window.contains(asked)) {
              latencies.add((double) Duration.between(asked, event.getOccurredAt()).toMillis());
            }
          }
        }
      }
    }
    return new Log(sizes.stream().mapToInt(Integer::intValue).toArray(), requested.size(), answered.size(),
        inWindow, latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray());
  }

  /** The turn an answer answers, as "gameId/turn/attempt"; empty for other events. */
  private static Optional<String> answerKey(GameEvent event) {
    if (event.getPayload() instanceof ClueGiven clue) {
      return Optional.of(key(event.getGameId(), clue.getTurn(), clue.getAttempt()));
    }
    if (event.getPayload() instanceof DecisionSampled decision) {
      return Optional.of(key(event.getGameId(), decision.getTurn(), decision.getAttempt()));
    }
    return Optional.empty();
  }

  private static String key(String gameId, int turn, int attempt) {
    return gameId + "/" + turn + "/" + attempt;
  }

  private static List<byte[]> readAll(Map<String, Object> clients, String topic) {
    Map<String, Object> props = new HashMap<>(clients);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<byte[]> values = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, ADMIN_TIMEOUT).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          if (record.value() != null) {
            values.add(record.value());
          }
        }
      }
    }
    return values;
  }

  /** Seconds to produce (acks=all, idempotent) and then consume records of these sizes on a new topic. */
  private static double rawKafkaSeconds(Map<String, Object> clients, int[] sizes) throws Exception {
    try (Admin admin = Admin.create(clients)) {
      admin.createTopics(List.of(new NewTopic(RAW_TOPIC, TopicCatalog.DEFAULT_GAME_PARTITIONS, (short) 1)))
          .all().get();
    }
    SplittableRandom random = new SplittableRandom(1);
    List<byte[]> payloads = new ArrayList<>(sizes.length);
    for (int size : sizes) {
      byte[] bytes = new byte[size];
      for (int i = 0; i < size; i++) {
        bytes[i] = (byte) random.nextInt(256);
      }
      payloads.add(bytes);
    }
    Map<String, Object> producerProps = new HashMap<>(clients);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    long started;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      // One acknowledged record per partition first, outside the timing: right after creation a partition may not
      // have its leader yet, and the retries of pipelined idempotent batches then failed with out-of-order sequence
      // numbers until they expired (a run read 1312 of 1321 records after 2 minutes).
      for (int p = 0; p < TopicCatalog.DEFAULT_GAME_PARTITIONS; p++) {
        producer.send(new ProducerRecord<>(RAW_TOPIC, p, WARM_UP_KEY, new byte[0])).get();
      }
      started = System.nanoTime();
      for (int i = 0; i < payloads.size(); i++) {
        producer.send(new ProducerRecord<>(RAW_TOPIC, Integer.toString(i).getBytes(), payloads.get(i)));
      }
      producer.flush();
    }
    int consumed = readAll(clients, RAW_TOPIC).size() - TopicCatalog.DEFAULT_GAME_PARTITIONS;
    if (consumed != payloads.size()) {
      throw new IllegalStateException("raw Kafka check read " + consumed + " of " + payloads.size() + " records");
    }
    return (System.nanoTime() - started) / 1e9;
  }

  static double percentile(double[] sorted, double percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percent / PERCENT * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
