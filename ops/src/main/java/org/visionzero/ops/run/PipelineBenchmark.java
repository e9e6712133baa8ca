package org.visionzero.ops.run;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
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
import org.visionzero.ops.config.ConfigLoader;
import org.visionzero.ops.config.ConfigSources;
import org.visionzero.ops.config.VzRunConfig;
import org.visionzero.ops.progress.MeterTotals;
import org.visionzero.streams.coordinator.CoordinatorMetrics;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * {@code vz bench pipeline}: the whole pipeline with the scripted zero-cost random policy on the embedded
 * broker, then, on the same broker, the raw Kafka rate of producing and consuming as many records of the same
 * sizes. The ratio says how much of Kafka's rate the pipeline keeps.
 */
public final class PipelineBenchmark {
  /** Games in flight of the benchmark (the run's default is smaller, for fresher training samples). */
  static final int BENCH_GAMES_IN_FLIGHT = 64;

  private static final Duration POLL = Duration.ofMillis(500);
  private static final byte[] WARM_UP_KEY = "warm-up".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final double PERCENT = 100.0;
  private static final String RAW_TOPIC = "bench.raw";

  private PipelineBenchmark() {
  }

  /** The figures of one benchmark. */
  public record Result(long games, long turns, double pipelineSeconds, double gamesPerSecond,
      double turnsPerSecond, double p50TurnMillis, double p99TurnMillis, long records, long bytes,
      double pipelineRecordsPerSecond, double rawSeconds, double rawRecordsPerSecond, double ratio) {

    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("games", games);
      json.put("turns", turns);
      json.put("pipelineSeconds", pipelineSeconds);
      json.put("gamesPerSecond", gamesPerSecond);
      json.put("turnsPerSecond", turnsPerSecond);
      json.put("p50TurnLatencyMs", p50TurnMillis);
      json.put("p99TurnLatencyMs", p99TurnMillis);
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
   * @param dataDir a fresh directory for the broker and blobs
   * @param games   games to play (one image pair each)
   */
  public static Result run(Path dataDir, int games, int workers, Duration budget) throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put("data.dir", dataDir.toString());
    flags.put("broker.port", "0");
    flags.put(VzRunConfig.POLICY, VzRunConfig.POLICY_RANDOM);
    flags.put(VzRunConfig.WORKERS, Integer.toString(workers));
    flags.put(VzRunConfig.PRODUCE_RATE, "0");
    flags.put(VzRunConfig.PRODUCE_COUNT, Integer.toString(games));
    flags.put(VzRunConfig.HELD_OUT_SHARE, "0");
    // Throughput, not sample freshness, is measured here: keep the larger in-flight bound it was measured with.
    flags.put(VzRunConfig.MAX_GAMES_IN_FLIGHT, Integer.toString(BENCH_GAMES_IN_FLIGHT));
    flags.put(VzRunConfig.EVAL_FINAL_GAMES, "0");
    VzRunConfig config = ConfigLoader.load(VzRunConfig.CONFIG_DEF, VzRunConfig::new,
        new ConfigSources(Optional.empty(), Map.of(), flags));
    try (VzRun run = VzRun.start(config)) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      Pipeline.start(run, config, new ScriptedRuntime(), registry, line -> { });
      Instant start = Instant.now();
      Instant until = start.plus(budget);
      while (MeterTotals.counter(registry, CoordinatorMetrics.GAMES_COMPLETED) < games
          && Instant.now().isBefore(until)) {
        Thread.sleep(POLL.toMillis());
      }
      double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      long completed = (long) MeterTotals.counter(registry, CoordinatorMetrics.GAMES_COMPLETED);
      Log log = readLog(run.clientProperties().asMap(), run.catalog());
      double raw = rawKafkaSeconds(run.clientProperties().asMap(), log.sizes());
      double pipelineRate = log.sizes().length / seconds;
      double rawRate = log.sizes().length / raw;
      return new Result(completed, log.turns(), seconds, completed / seconds, log.turns() / seconds,
          percentile(log.latenciesMillis(), 50), percentile(log.latenciesMillis(), 99), log.sizes().length,
          Arrays.stream(log.sizes()).sum(), pipelineRate, raw, rawRate, pipelineRate / rawRate);
    }
  }

  private record Log(int[] sizes, long turns, double[] latenciesMillis) {
  }

  /** Every record the pipeline wrote to its topics, and each turn's latency from request to answer. */
  private static Log readLog(Map<String, Object> clients, TopicCatalog topics) {
    List<Integer> sizes = new ArrayList<>();
    Map<String, Instant> requested = new HashMap<>();
    List<Double> latencies = new ArrayList<>();
    List<Topic<String, ?>> read = List.of(topics.imagePairs(), topics.turnRequests(), topics.gameEvents(),
        topics.trajectories(), topics.checkpoints());
    for (Topic<String, ?> topic : read) {
      for (byte[] value : readAll(clients, topic.name())) {
        sizes.add(value.length);
        if (topic.name().equals(topics.turnRequests().name())) {
          TurnRequested request = topics.turnRequests().valueSerde().deserializer().deserialize(topic.name(), value);
          requested.put(key(request.getGameId(), request.getTurn(), request.getAttempt()), request.getOccurredAt());
        }
      }
    }
    long turns = 0;
    for (byte[] value : readAll(clients, topics.gameEvents().name())) {
      GameEvent event = topics.gameEvents().valueSerde().deserializer().deserialize(topics.gameEvents().name(), value);
      String key = null;
      if (event.getPayload() instanceof ClueGiven clue) {
        key = key(event.getGameId(), clue.getTurn(), clue.getAttempt());
      } else if (event.getPayload() instanceof DecisionSampled decision) {
        key = key(event.getGameId(), decision.getTurn(), decision.getAttempt());
      }
      if (key != null) {
        turns++;
        Instant asked = requested.get(key);
        if (asked != null) {
          latencies.add((double) Duration.between(asked, event.getOccurredAt()).toMillis());
        }
      }
    }
    return new Log(sizes.stream().mapToInt(Integer::intValue).toArray(), turns,
        latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray());
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
