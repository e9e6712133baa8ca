package org.visionzero.streams.testing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.GameStarted;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.testing.Events;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.sign.CheckpointSignature;
import org.visionzero.streams.config.CoordinatorConfig;
import org.visionzero.streams.config.StreamsAppSettings;
import org.visionzero.streams.coordinator.CheckpointBlobCheck;
import org.visionzero.streams.coordinator.CoordinatorMetrics;
import org.visionzero.streams.coordinator.CoordinatorTopology;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * The coordinator topology in a {@link TopologyTestDriver}, with typed inputs and outputs, a wall clock the
 * test moves, a scripted worker and a {@link SimpleMeterRegistry}.
 */
public final class CoordinatorHarness implements AutoCloseable {
  public final TopicCatalog topics = TopicCatalog.defaults();
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final CoordinatorConfig config;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> pairs;
  private final TestInputTopic<String, byte[]> requests;
  private final TestInputTopic<String, byte[]> checkpoints;
  private final TestInputTopic<String, byte[]> gameEventsIn;
  private final TestOutputTopic<String, TurnRequested> turnRequests;
  private final TestOutputTopic<String, GameEvent> gameEventsOut;
  private final TestOutputTopic<String, DeadLetter> deadLetters;
  /** Every event the coordinator wrote, in order, read so far. */
  public final List<GameEvent> written = new ArrayList<>();
  private final Map<String, GameStarted> started = new HashMap<>();
  private Instant now;

  public CoordinatorHarness(Map<String, Object> overrides) {
    this(overrides, Events.T0);
  }

  /** A coordinator whose wall clock starts at {@code start} (later than T0: it restarted after an outage). */
  public CoordinatorHarness(Map<String, Object> overrides, Instant start) {
    this(overrides, start, CheckpointSignature.off());
  }

  /** A coordinator that checks checkpoint signatures with {@code signature}. */
  public CoordinatorHarness(Map<String, Object> overrides, Instant start, CheckpointSignature signature) {
    this(overrides, start, signature, CheckpointBlobCheck.NONE);
  }

  /** A coordinator that verifies each checkpoint event's blob with {@code blobCheck}. */
  public CoordinatorHarness(Map<String, Object> overrides, CheckpointBlobCheck blobCheck) {
    this(overrides, Events.T0, CheckpointSignature.off(), blobCheck);
  }

  private CoordinatorHarness(Map<String, Object> overrides, Instant start, CheckpointSignature signature,
      CheckpointBlobCheck blobCheck) {
    Map<String, Object> values = new HashMap<>();
    values.put(StreamsAppSettings.APPLICATION_ID, "coordinator-test-" + UUID.randomUUID());
    values.put(StreamsAppSettings.STATE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "streams-state").toString());
    values.put(StreamsAppSettings.STATE_STORE_TYPE, StreamsAppSettings.IN_MEMORY);
    values.putAll(overrides);
    config = new CoordinatorConfig(values);
    now = start;
    driver = new TopologyTestDriver(
        CoordinatorTopology.build(config, new CoordinatorMetrics(registry), signature, blobCheck),
        config.streamsProperties(), now);
    pairs = rawInput(topics.imagePairs());
    requests = rawInput(topics.gameRequests());
    checkpoints = rawInput(topics.checkpoints());
    gameEventsIn = rawInput(topics.gameEvents());
    turnRequests = output(topics.turnRequests());
    gameEventsOut = output(topics.gameEvents());
    deadLetters = output(topics.deadLetters());
  }

  public Instant now() {
    return now;
  }

  /** Moves the wall clock (firing due punctuators) and the event time of the next inputs. */
  public void advance(Duration duration) {
    now = now.plus(duration);
    driver.advanceWallClockTime(duration);
  }

  public void pair(ImagePairCreated pair) {
    pairs.pipeInput(new TestRecord<>(pair.getPairId(), encode(topics.imagePairs(), pair), now));
  }

  public void request(GameRequested request) {
    requests.pipeInput(new TestRecord<>(request.getPairId(), encode(topics.gameRequests(), request), now));
  }

  public void checkpoint(CheckpointPublished checkpoint) {
    checkpoints.pipeInput(new TestRecord<>(checkpoint.getPolicy().getName(),
        encode(topics.checkpoints(), checkpoint), now));
  }

  /** A checkpoint event as the signing publisher (or a forger) writes it: keyed by policy, with its headers. */
  public void checkpoint(CheckpointPublished checkpoint, org.apache.kafka.common.header.Headers headers) {
    checkpoints.pipeInput(new TestRecord<>(checkpoint.getPolicy().getName(),
        encode(topics.checkpoints(), checkpoint), headers, now));
  }

  /** A worker's answer (or any game event) on the game log. */
  public void answer(GameEvent event) {
    gameEventsIn.pipeInput(new TestRecord<>(event.getGameId(), encode(topics.gameEvents(), event), now));
  }

  /** An event a previous run wrote to the game log at {@code writtenAt}, read now as part of a backlog. */
  public void backlog(GameEvent event, Instant writtenAt) {
    gameEventsIn.pipeInput(new TestRecord<>(event.getGameId(), encode(topics.gameEvents(), event), writtenAt));
  }

  /** Raw bytes on a topic, e.g. a poison record. */
  public void raw(Topic<String, ?> topic, String key, byte[] value) {
    driver.createInputTopic(topic.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer())
        .pipeInput(new TestRecord<>(key, value, now));
  }

  /** Turn requests written since the last call. */
  public List<TurnRequested> turns() {
    return turnRequests.readValuesToList();
  }

  /** Game events written since the last call (also kept in {@link #written}). */
  public List<GameEvent> events() {
    List<GameEvent> fresh = gameEventsOut.readValuesToList();
    for (GameEvent event : fresh) {
      if (event.getPayload() instanceof GameStarted start) {
        started.put(event.getGameId(), start);
      }
    }
    written.addAll(fresh);
    return fresh;
  }

  public List<DeadLetter> deadLetters() {
    return deadLetters.readValuesToList();
  }

  public GameStarted started(String gameId) {
    events();
    GameStarted start = started.get(gameId);
    if (start == null) {
      throw new IllegalStateException("game " + gameId + " has not started");
    }
    return start;
  }

  /**
   * The scripted worker: answers every pending request (and the ones they open) until no request is left;
   * decision samples vote for {@code voteForSpy ? the spy : the first civilian seat}. Returns every request seen.
   */
  public List<TurnRequested> playAll(List<TurnRequested> pending, boolean voteForSpy) {
    return play(pending, voteForSpy, request -> true);
  }

  /** Like {@link #playAll} for one game only; requests of other games are kept in {@link #unplayed}. */
  public List<TurnRequested> playGame(String gameId, List<TurnRequested> pending, boolean voteForSpy) {
    return play(pending, voteForSpy, request -> request.getGameId().equals(gameId));
  }

  /** Requests {@link #playGame} saw for other games. */
  public final List<TurnRequested> unplayed = new ArrayList<>();

  private List<TurnRequested> play(List<TurnRequested> pending, boolean voteForSpy,
      java.util.function.Predicate<TurnRequested> which) {
    List<TurnRequested> seen = new ArrayList<>();
    List<TurnRequested> queue = new ArrayList<>(pending);
    while (!queue.isEmpty()) {
      TurnRequested request = queue.remove(0);
      if (!which.test(request)) {
        unplayed.add(request);
        continue;
      }
      seen.add(request);
      answer(answerTo(request, voteForSpy));
      queue.addAll(turns());
    }
    return seen;
  }

  /** The scripted answer to one request. */
  public GameEvent answerTo(TurnRequested request, boolean voteForSpy) {
    if (request.getKind() == TurnKind.CLUE) {
      return Events.clue(request, now);
    }
    int spy = started(request.getGameId()).getSpySeat();
    return Events.decision(request, voteForSpy ? spy : GameLogs.firstCivilian(spy), now);
  }

  /** Size in bytes of what the games store keeps for a game (0 when nothing). */
  public int storedGameBytes(String gameId) {
    org.apache.kafka.streams.state.KeyValueStore<String, byte[]> games =
        driver.getKeyValueStore(org.visionzero.streams.coordinator.CoordinatorStores.GAMES);
    byte[] bytes = games.get(gameId);
    return bytes == null ? 0 : bytes.length;
  }

  public double counter(String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0.0 : counter.count();
  }

  public double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  private TestInputTopic<String, byte[]> rawInput(Topic<String, ?> topic) {
    return driver.createInputTopic(topic.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  private static <V> byte[] encode(Topic<String, V> topic, V value) {
    return topic.valueSerde().serializer().serialize(topic.name(), value);
  }

  @Override
  public void close() {
    driver.close();
  }
}
