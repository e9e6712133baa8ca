package org.visionzero.ops.chaos.poison;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionMode;
import org.visionzero.events.DecisionSample;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameRequested;
import org.visionzero.events.GameStarted;
import org.visionzero.events.ImagePairCreated;
import org.visionzero.events.ImageSource;
import org.visionzero.events.Outcome;
import org.visionzero.events.Phase;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TrainingStepCompleted;
import org.visionzero.events.TurnKind;
import org.visionzero.events.TurnRequested;
import org.visionzero.events.VoteKind;
import org.visionzero.events.Winner;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * Builds the hostile records of each kind for each input topic. Identifiers it invents start with
 * {@value #PREFIX} (game, pair, run ids) so a check can recognise them afterwards; components never look at it.
 * Impossible values are built from scratch, so every kind can be written to every topic before the run has
 * produced anything; a replayed duplicate needs a record read from the topic ({@link TopicSamples}).
 */
final class PoisonRecipes {
  static final String PREFIX = "poison-";
  /** A clue of a megabyte: the figure, below Kafka's default 1 MiB record limit with its envelope. */
  static final int HUGE_CLUE_BYTES = 1_000_000;
  /** Versions far beyond any a trainer reaches. */
  static final int FUTURE_VERSION = 1_000_000_000;
  private static final byte[] HEADER = {(byte) 0xC3, 0x01};
  private static final int FINGERPRINT_BYTES = 8;
  private static final String MODE = "code";

  private final TopicCatalog topics;
  private final String runTag;

  PoisonRecipes(TopicCatalog topics, long seed) {
    this.topics = topics;
    this.runTag = PREFIX + Long.toHexString(seed) + "-";
  }

  /** The records of one poison of {@code kind} on {@code topic} (two for a vote before the clue stage). */
  List<Poison> make(Topic<String, ?> topic, PoisonKind kind, long n, long variant, Random random,
      TopicSamples samples) {
    String id = runTag + n;
    return switch (kind) {
      case RANDOM_BYTES -> List.of(Poison.of(topic.name(), id, randomBytes(random), kind));
      case UNKNOWN_FINGERPRINT -> List.of(Poison.of(topic.name(), id, unknownFingerprint(topic, id, random), kind));
      case TRUNCATED_BODY -> List.of(Poison.of(topic.name(), id, truncated(topic, id, random), kind));
      case REPLAYED_DUPLICATE -> replay(topic, random, samples).map(List::of).orElse(List.of());
      case IMPOSSIBLE_VALUE -> impossible(topic, id, variant, samples);
      case CHECKPOINT_BLOB_MISSING, CHECKPOINT_BLOB_TAMPERED, CHECKPOINT_WRONGLY_SIGNED ->
          List.of(checkpoint(kind, n, random, samples));
    };
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[1 + random.nextInt(256)];
    random.nextBytes(bytes);
    bytes[0] = (byte) (bytes[0] == HEADER[0] ? 0 : bytes[0]); // never by chance the single-object marker
    return bytes;
  }

  /** The marker, a fingerprint no schema has (random: 2^-64 to hit one), and a valid body of the topic's type. */
  private byte[] unknownFingerprint(Topic<String, ?> topic, String id, Random random) {
    byte[] valid = plausible(topic, id);
    byte[] bytes = valid.clone();
    byte[] fingerprint = new byte[FINGERPRINT_BYTES];
    random.nextBytes(fingerprint);
    System.arraycopy(fingerprint, 0, bytes, HEADER.length, FINGERPRINT_BYTES);
    return bytes;
  }

  /** A valid encoding cut somewhere after the header: Avro cannot read the fields that are missing. */
  private byte[] truncated(Topic<String, ?> topic, String id, Random random) {
    byte[] valid = plausible(topic, id);
    int header = HEADER.length + FINGERPRINT_BYTES;
    return Arrays.copyOf(valid, header + random.nextInt(valid.length - header));
  }

  private static Optional<Poison> replay(Topic<String, ?> topic, Random random, TopicSamples samples) {
    return samples.any(topic.name(), random)
        .map(record -> Poison.of(topic.name(), record.key(), record.value(), PoisonKind.REPLAYED_DUPLICATE));
  }

  /** A valid event of the topic's type, encoded: the base of the fingerprint and truncation kinds. */
  private byte[] plausible(Topic<String, ?> topic, String id) {
    String name = topic.name();
    if (name.equals(topics.imagePairs().name())) {
      return encode(topics.imagePairs(), pair(id));
    } else if (name.equals(topics.gameRequests().name())) {
      return encode(topics.gameRequests(), request(id, new PolicyRef("random", 0)));
    } else if (name.equals(topics.turnRequests().name())) {
      return encode(topics.turnRequests(), turn(id, 1, new PolicyRef("random", 0)));
    } else if (name.equals(topics.gameEvents().name())) {
      return encode(topics.gameEvents(), clue(id, 1, "a clue"));
    } else if (name.equals(topics.trajectories().name())) {
      return encode(topics.trajectories(), trajectory(id, 0.0));
    } else if (name.equals(topics.checkpoints().name())) {
      return encode(topics.checkpoints(), checkpointEvent("random", FUTURE_VERSION, blob(id), id));
    } else if (name.equals(topics.training().name())) {
      return encode(topics.training(), training(id, 0.5));
    }
    throw new IllegalArgumentException("not an input topic: " + name);
  }

  /** Valid Avro that says something impossible; the variant turns with {@code n}. */
  private List<Poison> impossible(Topic<String, ?> topic, String id, long variant, TopicSamples samples) {
    String name = topic.name();
    PoisonKind kind = PoisonKind.IMPOSSIBLE_VALUE;
    if (name.equals(topics.imagePairs().name())) {
      ImagePairCreated pair = pair(id);
      pair.setOriginal(new BlobRef(FileBlobStore.URI_PREFIX + "not-a-hash", "not-a-hash", "image/png", 1L));
      return List.of(Poison.of(name, id, encode(topics.imagePairs(), pair), kind));
    } else if (name.equals(topics.gameRequests().name())) {
      PolicyRef future = new PolicyRef(samples.trainedPolicy().orElse("random"), FUTURE_VERSION);
      return List.of(Poison.of(name, id, encode(topics.gameRequests(), request(id, future)), kind));
    } else if (name.equals(topics.turnRequests().name())) {
      TurnRequested turn = variant % 2 == 0
          ? turn(id, -1, new PolicyRef("random", 0)) // a negative seat
          : turn(id, 1, new PolicyRef(samples.trainedPolicy().orElse("random"), FUTURE_VERSION));
      return List.of(Poison.of(name, id, encode(topics.turnRequests(), turn), kind));
    } else if (name.equals(topics.gameEvents().name())) {
      return impossibleGameEvents(id, variant);
    } else if (name.equals(topics.trajectories().name())) {
      return List.of(Poison.of(name, id, encode(topics.trajectories(), trajectory(id, Double.NaN)), kind));
    } else if (name.equals(topics.checkpoints().name())) {
      String policy = samples.trainedPolicy().orElse("random");
      CheckpointPublished negative = checkpointEvent(policy, -1 - (int) (variant % 1000), blob(id), id);
      return List.of(Poison.of(name, policy, encode(topics.checkpoints(), negative), kind));
    } else if (name.equals(topics.training().name())) {
      return List.of(Poison.of(name, id, encode(topics.training(), training(id, Double.NaN)), kind));
    }
    throw new IllegalArgumentException("not an input topic: " + name);
  }

  /** A 1 MB clue, a negative seat, an answer to an unknown game, or a game started then voted in before its clues. */
  private List<Poison> impossibleGameEvents(String gameId, long variant) {
    String name = topics.gameEvents().name();
    PoisonKind kind = PoisonKind.IMPOSSIBLE_VALUE;
    return switch ((int) (variant % 4)) {
      case 0 -> List.of(Poison.of(name, gameId, encode(topics.gameEvents(), clue(gameId, 1, "x".repeat(HUGE_CLUE_BYTES))), kind));
      case 1 -> List.of(Poison.of(name, gameId, encode(topics.gameEvents(), clue(gameId, -1, "a clue")), kind));
      case 2 -> List.of(Poison.of(name, gameId, encode(topics.gameEvents(), clue(gameId, 1, "a clue")), kind));
      default -> List.of(
          Poison.of(name, gameId, encode(topics.gameEvents(), started(gameId)), kind),
          Poison.of(name, gameId, encode(topics.gameEvents(), voteAtDecisionTurn(gameId)), kind));
    };
  }

  private Poison checkpoint(PoisonKind kind, long n, Random random, TopicSamples samples) {
    String name = topics.checkpoints().name();
    String policy = samples.trainedPolicy().orElse("random");
    String id = runTag + n;
    BlobRef ref = switch (kind) {
      // a real blob's uri under another hash: the store finds other bytes than the event promises
      case CHECKPOINT_BLOB_TAMPERED -> samples.checkpointBlob()
          .map(real -> new BlobRef(real.getUri(), sha256Of(id), real.getMediaType(), real.getSize()))
          .orElse(blob(id));
      default -> blob(id);
    };
    CheckpointPublished event = CheckpointPublished.newBuilder(
        checkpointEvent(policy, FUTURE_VERSION + (int) (n % 1_000_000), ref, id))
        .setArchitecture(samples.checkpointArchitecture().orElse(PREFIX + "architecture")).build();
    byte[] value = encode(topics.checkpoints(), event);
    if (kind == PoisonKind.CHECKPOINT_WRONGLY_SIGNED) {
      byte[] mac = new byte[32];
      random.nextBytes(mac);
      return new Poison(name, policy, value, kind, mac);
    }
    return Poison.of(name, policy, value, kind);
  }

  private static <V> byte[] encode(Topic<String, V> topic, V value) {
    return topic.valueSerde().serializer().serialize(topic.name(), value);
  }

  // ---- plausible events, from scratch ----

  private static String sha256Of(String text) {
    return org.visionzero.hash.Sha256.hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A reference to a blob nobody stored. */
  private static BlobRef blob(String id) {
    String sha = sha256Of(id);
    return new BlobRef(FileBlobStore.URI_PREFIX + sha, sha, "image/png", 64L);
  }

  private static ImagePairCreated pair(String pairId) {
    return ImagePairCreated.newBuilder().setEventId("pair/" + pairId).setOccurredAt(Instant.now())
        .setPairId(pairId).setSource(ImageSource.OTHER).setOriginal(blob(pairId + "/a"))
        .setModified(blob(pairId + "/b")).setDifferences(List.of()).setSpyHint("")
        .setHeldOut(false).setSeed(0L).setWidth(64).setHeight(64).build();
  }

  private static GameRequested request(String id, PolicyRef spy) {
    return GameRequested.newBuilder().setEventId("eval/" + id).setOccurredAt(Instant.now()).setPairId(id)
        .setPurpose(Purpose.EVALUATION).setCivilianPolicy(new PolicyRef("random", 0)).setSpyPolicy(spy)
        .setDecisionPolicy(new PolicyRef("random", 0)).setBlankDecisionImage(false).setRequestedBy(id)
        .setTags(Map.of()).build();
  }

  private static TurnRequested turn(String gameId, int seat, PolicyRef policy) {
    return TurnRequested.newBuilder().setEventId(gameId + "/0/1").setOccurredAt(Instant.now()).setGameId(gameId)
        .setTurn(0).setAttempt(1).setKind(TurnKind.CLUE).setSeat(seat).setRound(1).setRole(Role.CIVILIAN)
        .setNumPlayers(4).setPolicy(policy).setImage(null).setSpyHint("").setHistory(List.of())
        .setOwnReasoning(List.of()).setSamples(1).setTemperature(1.0f).setSamplingSeed(1L)
        .setPurpose(Purpose.TRAINING).setDeadlineAt(Instant.now().plusSeconds(30)).build();
  }

  private static GameEvent clue(String gameId, int seat, String text) {
    ClueGiven clue = ClueGiven.newBuilder().setTurn(0).setAttempt(1).setSeat(seat).setRound(1).setText(text)
        .setRawOutput("\\boxed{...}").setReasoning("").setSample(new SampledTokens(List.of(1), List.of(-0.5f)))
        .setPolicy(new PolicyRef("random", 0)).setWorkerId(PREFIX + "writer").build();
    return envelope(gameId, gameId + "/0/1/answer", clue);
  }

  /** A well-formed start of a game no pair backs, played by a policy no worker has: its turns are refused. */
  private static GameEvent started(String gameId) {
    PolicyRef nobody = new PolicyRef(PREFIX + "policy", 0);
    GameStarted started = GameStarted.newBuilder().setPairId(gameId).setPurpose(Purpose.TRAINING).setMode(MODE)
        .setNumPlayers(4).setSpySeat(2).setClueRounds(2).setDecisionMode(DecisionMode.OBSERVER)
        .setDecisionSamples(8).setMaxAttempts(1).setCivilianImage(blob(gameId + "/a"))
        .setSpyImage(blob(gameId + "/b")).setDecisionImage(blob(gameId + "/a")).setSpyHint("")
        .setCivilianPolicy(nobody).setSpyPolicy(nobody).setDecisionPolicy(nobody).setSeed(1L)
        .setRequestId(null).setTags(Map.of()).build();
    return envelope(gameId, gameId + "/started", started);
  }

  /** The observer's vote at the decision turn (8 of 4 players × 2 rounds) while turn 0 is still due. */
  private static GameEvent voteAtDecisionTurn(String gameId) {
    List<DecisionSample> samples = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      samples.add(DecisionSample.newBuilder().setVoterSeat(0).setSampleIndex(i).setVoteKind(VoteKind.SEAT)
          .setVotedSeat(2).setSample(new SampledTokens(List.of(2), List.of(-0.1f))).build());
    }
    DecisionSampled vote = DecisionSampled.newBuilder().setTurn(8).setAttempt(1).setVoterSeat(0)
        .setSamples(samples).setPolicy(new PolicyRef(PREFIX + "policy", 0)).setWorkerId(PREFIX + "writer").build();
    return envelope(gameId, gameId + "/8/1/answer", vote);
  }

  private static GameEvent envelope(String gameId, String eventId, Object payload) {
    return GameEvent.newBuilder().setEventId(eventId).setOccurredAt(Instant.now()).setGameId(gameId)
        .setPayload(payload).build();
  }

  private static ScoredTrajectory trajectory(String gameId, double clueReward) {
    PolicyRef policy = new PolicyRef("random", 0);
    Outcome outcome = Outcome.newBuilder().setSpySeat(2).setVotesPerSeat(List.of(0, 0, 0, 0)).setAbstentions(0)
        .setInvalidVotes(0).setTotalVotes(0).setWinner(Winner.SPY).setDecisionAccuracy(0.0).build();
    return ScoredTrajectory.newBuilder().setEventId(gameId + "/scored").setOccurredAt(Instant.now())
        .setGameId(gameId).setPairId(gameId).setPurpose(Purpose.TRAINING).setMode(MODE).setNumPlayers(4)
        .setSpySeat(2).setCivilianPolicy(policy).setSpyPolicy(policy).setDecisionPolicy(policy)
        .setClueRewards(List.of(clueReward, 0.0, 0.0, 0.0)).setClues(List.of()).setDecisions(List.of())
        .setOutcome(outcome).setBlankDecisionImage(false).setTags(Map.of()).build();
  }

  private static CheckpointPublished checkpointEvent(String policy, int version, BlobRef blob, String runId) {
    return CheckpointPublished.newBuilder().setEventId("checkpoint/" + policy + "/" + version)
        .setOccurredAt(Instant.now()).setPolicy(new PolicyRef(policy, version)).setCheckpoint(blob)
        .setTrainerStep(0L).setParentVersion(version - 1).setArchitecture(PREFIX + "architecture")
        .setRunId(runId).setHistory(Map.of()).build();
  }

  private static TrainingEvent training(String runId, double loss) {
    TrainingStepCompleted step = TrainingStepCompleted.newBuilder().setStep(1L).setPolicyVersion(0)
        .setPhase(Phase.CLUE).setApplied(true).setGames(1).setSamples(1).setDroppedStale(0).setMeanStaleness(0.0)
        .setLoss(loss).setKl(0.0).setClipFraction(0.0).setGradNorm(0.0).setLearningRate(0.0)
        .setMeanSpyReward(0.0).setMeanCivilianReward(0.0).setBaselineSpy(0.0).setBaselineCivilian(0.0)
        .setMeanDecisionReward(0.0).setDecisionAccuracy(0.0).setNaRate(0.0).setInvalidRate(0.0)
        .setMeanClueLength(0.0).setSpyWinRate(0.0).build();
    return TrainingEvent.newBuilder().setEventId(runId + "/step/1").setOccurredAt(Instant.now()).setRunId(runId)
        .setPayload(step).build();
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
