package org.visionzero.ops.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.Outcome;
import org.visionzero.events.Phase;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.events.VoteKind;
import org.visionzero.game.config.GameConfig;
import org.visionzero.game.outcome.Outcomes;
import org.visionzero.game.reward.ClueRewards;
import org.visionzero.game.reward.DecisionRewards;
import org.visionzero.game.reward.GroupNormalization;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.trainer.TrainerConfig;
import org.visionzero.trainer.TrainerMain;
import org.visionzero.trainer.state.TrainerState;
import org.visionzero.trainer.state.TrainerStateCodec;

/**
 * The streaming trainer (a child JVM running the DJL model) is killed with SIGKILL after its second
 * checkpoint and restarted. How the test knows every training trajectory was trained exactly once: each
 * checkpoint holds, in its trainer-state section, the games of the steps since its parent checkpoint and the
 * parent's sha256; walking the chain of the surviving checkpoints (v1..v4, via the final event's history)
 * must list every training game exactly once and no evaluation game, the chain's parent hashes must link up,
 * and the final offsets must equal the ends of the partitions. The steps the killed run took after its last
 * checkpoint are redone by the second run from the same records: their events (same deterministic ids)
 * must carry the same phase and RAE baselines, which a fresh controller (DECISION at step 7 with L = 2 would
 * be CLUE) or fresh baselines (0) would not give.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TrainerResumeIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final String POLICY = "vz";
  private static final int PLAYERS = 4;
  private static final int ROUNDS = 2;
  private static final int OBSERVER_SAMPLES = 8;
  private static final int PAIRS = 6;
  private static final int GAMES_PER_STEP = 4;
  private static final int CHECKPOINT_EVERY = 3;
  private static final int TOTAL_STEPS = 12;
  private static final int FIRST_BATCH_GAMES = 32;
  private static final int TRAINING_GAMES = GAMES_PER_STEP * TOTAL_STEPS;
  private static final int CYCLE_LENGTH = 2;
  private static final long KILL_AFTER_STEP = 7;
  /** The killed run's last checkpoint: the second one. */
  private static final long RESUME_STEP = 2L * CHECKPOINT_EVERY;
  private static final Duration BUDGET = Duration.ofSeconds(150);
  private static final Vocabulary VOCABULARY = Vocabulary.standard();

  @TempDir
  Path dir;

  @Test
  void shouldTrainEveryTrainingTrajectoryExactlyOnceWhenKilledAndRestarted() throws Exception {
    TopicCatalog topics = KAFKA.createTopics(KAFKA.uniqueCatalog());
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    String runId = KAFKA.uniqueId("run");
    List<String> pairIds = publishPairs(topics, blobs);
    Set<String> expectedTraining = new HashSet<>();
    Set<String> evaluation = new HashSet<>();
    publishGames(topics, pairIds, 0, FIRST_BATCH_GAMES, expectedTraining, evaluation);

    List<String> args = trainerArgs(topics, runId);
    try (ChildTrainer first = ChildTrainer.start(args, dir, "first")) {
      waitForStep(topics, runId, KILL_AFTER_STEP, first);
      first.kill();
    }
    publishGames(topics, pairIds, FIRST_BATCH_GAMES, TRAINING_GAMES, expectedTraining, evaluation);
    try (ChildTrainer second = ChildTrainer.start(args, dir, "second")) {
      assertThat(second.awaitExit(BUDGET)).as(second.log()).isZero();
    }

    List<CheckpointPublished> checkpoints = read(topics.checkpoints(), 4);
    CheckpointPublished last = checkpoints.get(checkpoints.size() - 1);
    assertThat(last.getTrainerStep()).isEqualTo(TOTAL_STEPS);
    assertThat(last.getPolicy().getVersion()).isEqualTo(TOTAL_STEPS / CHECKPOINT_EVERY);

    // The surviving chain v1..v4 lists every training game once, and no evaluation game.
    Map<String, BlobRef> chain = new TreeMap<>(last.getHistory());
    chain.put(Integer.toString(last.getPolicy().getVersion()), last.getCheckpoint());
    List<String> trained = new ArrayList<>();
    String parent = "";
    TrainerState finalState = null;
    for (int version = 1; version <= last.getPolicy().getVersion(); version++) {
      BlobRef ref = chain.get(Integer.toString(version));
      assertThat(ref).as("checkpoint v" + version + " in the history").isNotNull();
      byte[] bytes = blobs.get(ref);
      TrainerState state = TrainerStateCodec.decode(
          Checkpoints.decode(bytes, ref.getSha256()).extras().get(TrainerStateCodec.SECTION));
      assertThat(state.ledger().parentSha256()).as("parent of v" + version).isEqualTo(parent);
      trained.addAll(state.ledger().gameIds());
      parent = ref.getSha256();
      finalState = state;
    }
    assertThat(trained).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedTraining);
    assertThat(trained).doesNotContainAnyElementsOf(evaluation);
    assertThat(finalState.counters().gamesTrained()).isEqualTo(TRAINING_GAMES);
    assertThat(finalState.offsets()).isEqualTo(endOffsets(topics.trajectories()));

    // Steps redone after the crash: same phase and baselines in both runs; the phase follows L = 2 throughout.
    Map<Long, List<TrainingStepCompleted>> steps = new TreeMap<>();
    for (TrainingEvent event : read(topics.training(), TOTAL_STEPS)) {
      if (event.getRunId().equals(runId) && event.getPayload() instanceof TrainingStepCompleted step) {
        steps.computeIfAbsent(step.getStep(), s -> new ArrayList<>()).add(step);
      }
    }
    assertThat(steps.keySet()).hasSize(TOTAL_STEPS);
    List<Long> redone = steps.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
        .toList();
    assertThat(redone).as("steps after checkpoint v2 that both runs took").contains(KILL_AFTER_STEP);
    // The resumed run's first step continues the checkpoint's RAE baselines: b = α·b(step 6) + (1−α)·mean of its
    // own batch (the batch itself may differ from the killed run's: partitions interleave differently).
    double alpha = GameConfig.code().raeAlpha();
    TrainingStepCompleted atCheckpoint = last(steps.get(RESUME_STEP));
    TrainingStepCompleted firstResumed = last(steps.get(RESUME_STEP + 1));
    assertThat(atCheckpoint.getBaselineSpy()).isNotZero();
    assertThat(firstResumed.getBaselineSpy()).isCloseTo(
        alpha * atCheckpoint.getBaselineSpy() + (1 - alpha) * firstResumed.getMeanSpyReward(), within(1e-12));
    assertThat(firstResumed.getBaselineCivilian()).isCloseTo(
        alpha * atCheckpoint.getBaselineCivilian() + (1 - alpha) * firstResumed.getMeanCivilianReward(),
        within(1e-12));
    for (long step : redone) {
      assertThat(last(steps.get(step)).getGames()).isEqualTo(steps.get(step).get(0).getGames());
    }
    steps.forEach((step, occurrences) -> assertThat(occurrences.get(occurrences.size() - 1).getPhase())
        .as("phase of step " + step).isEqualTo(((step - 1) / CYCLE_LENGTH) % 2 == 0 ? Phase.DECISION : Phase.CLUE));
  }

  private static TrainingStepCompleted last(List<TrainingStepCompleted> occurrences) {
    return occurrences.get(occurrences.size() - 1);
  }

  private List<String> trainerArgs(TopicCatalog topics, String runId) {
    return List.of(
        TrainerConfig.BOOTSTRAP_SERVERS + "=" + KAFKA.bootstrapServers(),
        TrainerConfig.TOPIC_PREFIX + "=" + topics.prefix(),
        TrainerConfig.RUN_ID + "=" + runId,
        TrainerConfig.POLICY_NAME + "=" + POLICY,
        TrainerConfig.GAMES_PER_STEP + "=" + GAMES_PER_STEP,
        TrainerConfig.CHECKPOINT_INTERVAL_STEPS + "=" + CHECKPOINT_EVERY,
        TrainerConfig.TOTAL_STEPS + "=" + TOTAL_STEPS,
        TrainerConfig.PHASE_CYCLE_LENGTH + "=" + CYCLE_LENGTH,
        TrainerConfig.STALENESS_MAX_VERSIONS + "=" + TOTAL_STEPS,
        TrainerConfig.LEARNING_RATE + "=1e-3",
        TrainerConfig.BLOB_DIR + "=" + dir.resolve("blobs"),
        TrainerConfig.POLL_TIMEOUT_MS + "=200",
        TrainerConfig.KAFKA_PREFIX + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG + "=10000");
  }

  // ---- input: image pairs and scored trajectories that the model can score ----

  private List<String> publishPairs(TopicCatalog topics, FileBlobStore blobs) throws IOException {
    List<String> ids = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (int p = 0; p < PAIRS; p++) {
        BlobRef original = blobs.put(png(p, false), "image/png");
        BlobRef modified = blobs.put(png(p, true), "image/png");
        String pairId = "pair-" + p;
        ImagePairCreated pair = ImagePairCreated.newBuilder()
            .setEventId("pair/" + pairId).setOccurredAt(Instant.now()).setPairId(pairId)
            .setSource(ImageSource.SCENES).setOriginal(original).setModified(modified).setDifferences(List.of())
            .setSpyHint("in the odd picture two objects differ").build();
        send(producer, topics.imagePairs(), pairId, pair);
        ids.add(pairId);
      }
    }
    return ids;
  }

  private static byte[] png(int pair, boolean modified) throws IOException {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.GRAY);
    g.fillRect(0, 0, 64, 64);
    g.setColor(modified ? Color.RED : Color.BLUE);
    g.fillRect(8 + pair * 4, 8, 16, 16);
    g.setColor(Color.GREEN);
    g.fillOval(36, 36 - pair * 2, 14, 14);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** Training games {@code from..to-1}, with an evaluation game after every tenth (never to be trained). */
  private void publishGames(TopicCatalog topics, List<String> pairIds, int from, int to, Set<String> training,
      Set<String> evaluation) {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (int i = from; i < to; i++) {
        ScoredTrajectory game = game("train-" + i, pairIds.get(i % pairIds.size()), Purpose.TRAINING, i);
        send(producer, topics.trajectories(), game.getGameId(), game);
        training.add(game.getGameId());
        if (i % 10 == 9) {
          ScoredTrajectory eval = game("eval-" + i, pairIds.get(0), Purpose.EVALUATION, i);
          send(producer, topics.trajectories(), eval.getGameId(), eval);
          evaluation.add(eval.getGameId());
        }
      }
    }
  }

  /** A game scored with the game module's own rewards; every sample by v0 of the trained policy. */
  private static ScoredTrajectory game(String gameId, String pairId, Purpose purpose, int seed) {
    GameConfig rules = GameConfig.code();
    PolicyRef policy = new PolicyRef(POLICY, 0);
    int spySeat = 1 + seed % PLAYERS;
    List<DecisionSample> samples = new ArrayList<>();
    for (int i = 0; i < OBSERVER_SAMPLES; i++) {
      int option = (seed + i * 3) % (PLAYERS + 1);
      samples.add(DecisionSample.newBuilder().setVoterSeat(0).setSampleIndex(i)
          .setVoteKind(option == 0 ? VoteKind.ABSTAIN : VoteKind.SEAT).setVotedSeat(option)
          .setText(option == 0 ? "N/A" : Integer.toString(option))
          .setSample(tokens(List.of(option), (float) Math.log(1.0 / (PLAYERS + 1)))).build());
    }
    Outcome outcome = Outcomes.of(spySeat, PLAYERS, samples);
    double[] clueRewards = ClueRewards.compute(outcome.getVotesPerSeat(), spySeat, rules.clueBeta(),
        rules.clueLambda());
    double[] decisionRewards = new double[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      decisionRewards[i] = DecisionRewards.reward(rules.decisionRewardShape(), samples.get(i), spySeat, PLAYERS);
    }
    double[] advantages = GroupNormalization.advantages(decisionRewards);
    List<ScoredDecision> decisions = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      decisions.add(ScoredDecision.newBuilder().setDecision(samples.get(i)).setPolicy(policy)
          .setCorrect(DecisionRewards.isCorrect(samples.get(i), spySeat, PLAYERS)).setReward(decisionRewards[i])
          .setAdvantage(advantages[i]).build());
    }
    List<ScoredClue> clues = new ArrayList<>();
    List<String> colors = Vocabulary.COLORS;
    for (int round = 1; round <= ROUNDS; round++) {
      for (int seat = 1; seat <= PLAYERS; seat++) {
        String color = colors.get((seed + seat + round) % colors.size());
        String shape = Vocabulary.SHAPES.get((seed + seat) % Vocabulary.SHAPES.size());
        List<Integer> ids = List.of(VOCABULARY.id(color), VOCABULARY.id(shape), Vocabulary.EOS_ID);
        clues.add(ScoredClue.newBuilder().setSeat(seat).setRound(round)
            .setRole(seat == spySeat ? Role.SPY : Role.CIVILIAN).setText(color + " " + shape)
            .setSample(tokens(ids, -1.5f)).setPolicy(policy).setReward(clueRewards[seat - 1]).build());
      }
    }
    List<Double> rewards = new ArrayList<>();
    for (double r : clueRewards) {
      rewards.add(r);
    }
    return ScoredTrajectory.newBuilder()
        .setEventId(gameId + "/scored").setOccurredAt(Instant.now()).setGameId(gameId).setPairId(pairId)
        .setPurpose(purpose).setMode("code").setNumPlayers(PLAYERS).setSpySeat(spySeat)
        .setCivilianPolicy(policy).setSpyPolicy(policy).setDecisionPolicy(policy)
        .setClueRewards(rewards).setClues(clues).setDecisions(decisions).setOutcome(outcome).build();
  }

  private static SampledTokens tokens(List<Integer> ids, float logProb) {
    List<Float> logProbs = new ArrayList<>();
    ids.forEach(id -> logProbs.add(logProb));
    return SampledTokens.newBuilder().setTokenIds(ids).setLogProbs(logProbs).build();
  }

  // ---- Kafka helpers ----

  private static KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> props = KAFKA.clientProperties();
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props);
  }

  private static <V> void send(KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic, String key, V value) {
    producer.send(new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8),
        topic.valueSerde().serializer().serialize(topic.name(), value)));
  }

  private static KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> props = KAFKA.clientProperties();
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props);
  }

  /** Every committed record of a topic, once at least {@code atLeast} are there. */
  private static <V> List<V> read(Topic<String, V> topic, int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + BUDGET.toNanos();
    while (true) {
      List<V> values = new ArrayList<>();
      try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            values.add(topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
          }
        }
      }
      if (values.size() >= atLeast || System.nanoTime() > deadline) {
        return values;
      }
      Thread.sleep(200);
    }
  }

  private static Map<Integer, Long> endOffsets(Topic<String, ?> topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      Map<Integer, Long> ends = new HashMap<>();
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.endOffsets(partitions).forEach((p, offset) -> ends.put(p.partition(), offset));
      return ends;
    }
  }

  private static void waitForStep(TopicCatalog topics, String runId, long step, ChildTrainer trainer)
      throws Exception {
    long deadline = System.nanoTime() + BUDGET.toNanos();
    while (System.nanoTime() < deadline) {
      boolean reached = read(topics.training(), 0).stream().anyMatch(e -> e.getRunId().equals(runId)
          && e.getPayload() instanceof TrainingStepCompleted s && s.getStep() >= step);
      if (reached) {
        return;
      }
      if (!trainer.alive()) {
        throw new AssertionError("trainer exited early: " + trainer.log());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("step " + step + " not reached within " + BUDGET + ": " + trainer.log());
  }

  /** The trainer as a child JVM on the test classpath. */
  private static final class ChildTrainer implements AutoCloseable {
    private final Process process;
    private final Path output;

    private ChildTrainer(Process process, Path output) {
      this.process = process;
      this.output = output;
    }

    static ChildTrainer start(List<String> args, Path dir, String name) throws IOException {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          // A young generation no step fills: a garbage collection between a step's forward and backward pass
          // can free DJL scalar constants autograd still holds (see trainer/README, "DJL scalar ops").
          "-Xms1g", "-Xmx1g", "-Xmn800m", "-XX:+UseSerialGC",
          "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.visionzero", "-Dai.djl.offline=true",
          "-cp", System.getProperty("java.class.path"), TrainerMain.class.getName()));
      command.addAll(args);
      Path output = dir.resolve("trainer-" + name + ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
          .start();
      return new ChildTrainer(process, output);
    }

    boolean alive() {
      return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, the open transaction (if any) is left for the broker to abort. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("trainer did not finish within " + timeout + ": " + log());
      }
      return process.exitValue();
    }

    String log() {
      try {
        String text = Files.readString(output, StandardCharsets.UTF_8);
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
