package org.visionzero.logtools.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.SerializationException;
import org.visionzero.blob.BlobNotFoundException;
import org.visionzero.blob.BlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.GameEvent;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.json.Json;
import org.visionzero.logtools.replay.PolicyJson;
import org.visionzero.logtools.replay.TopicReads;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * {@code vz export --format jsonl}: scored trajectories as one JSON object per sample (clue or decision) in
 * {@code <out>/samples.jsonl}, with the prompt the seat saw, what it wrote, its tokens and behaviour
 * log-probs, reward and advantage, and the image it saw copied to {@code <out>/images/<sha256>.png}. The
 * format is described in logtools/DEBUGGING.md. Reads {@code trajectories}, then the exported games' events
 * from {@code game-events} (to rebuild the prompts); give it a {@code read_committed} consumer, no group.
 */
public final class JsonlExport {
  public static final String SAMPLES_FILE = "samples.jsonl";
  public static final String IMAGES_DIR = "images";
  /** Clue advantages are the raw rewards: RAE (role baselines) is applied by the trainer. */
  public static final String RAW_REWARD = "raw-reward";
  public static final String GROUP_NORMALISED = "group-normalised";

  private JsonlExport() {}

  /**
   * @param since export only games completed at or after this time; null exports every game
   */
  public static ExportReport run(Consumer<String, byte[]> consumer, TopicCatalog topics, BlobStore blobs,
      Path outDir, Instant since, Duration timeout) throws TimeoutException, IOException {
    Map<String, ScoredTrajectory> trajectories = readTrajectories(consumer, topics.trajectories(), since, timeout);
    Map<String, List<GameEvent>> events = readEvents(consumer, topics.gameEvents(), trajectories.keySet(), timeout);
    Files.createDirectories(outDir.resolve(IMAGES_DIR));
    Path file = outDir.resolve(SAMPLES_FILE);
    ImageCopies images = new ImageCopies(blobs, outDir);
    int games = 0;
    int clueLines = 0;
    int decisionLines = 0;
    List<String> withoutEvents = new ArrayList<>();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (ScoredTrajectory trajectory : trajectories.values()) {
        List<GameEvent> log = events.get(trajectory.getGameId());
        if (log == null) {
          withoutEvents.add(trajectory.getGameId());
          continue;
        }
        Map<String, TurnContext> contexts = TurnContexts.of(log);
        for (ScoredClue clue : trajectory.getClues()) {
          TurnContext context = contexts.get(TurnContexts.clueKey(clue.getSeat(), clue.getRound()));
          write(out, clueLine(trajectory, clue, context, images));
          clueLines++;
        }
        for (ScoredDecision decision : trajectory.getDecisions()) {
          TurnContext context = contexts.get(TurnContexts.decisionKey(decision.getDecision().getVoterSeat()));
          write(out, decisionLine(trajectory, decision, context, images));
          decisionLines++;
        }
        games++;
      }
    }
    return new ExportReport(file, games, clueLines, decisionLines, images.copied(), images.missing(),
        withoutEvents);
  }

  private static void write(BufferedWriter out, ObjectNode line) throws IOException {
    out.write(Json.write(line));
    out.write('\n');
  }

  static ObjectNode clueLine(ScoredTrajectory trajectory, ScoredClue clue, TurnContext context,
      ImageCopies images) throws IOException {
    ObjectNode line = common(trajectory, "clue");
    line.put("seat", clue.getSeat());
    line.put("role", clue.getRole().name());
    line.put("round", clue.getRound());
    line.put("prompt", context == null ? null : context.prompt());
    line.put("completion", context == null ? clue.getText() : context.completion());
    line.put("answer", clue.getText());
    clue.getSample().getTokenIds().forEach(line.putArray("tokenIds")::add);
    clue.getSample().getLogProbs().forEach(line.putArray("behaviourLogProbs")::add);
    line.put("reward", clue.getReward());
    line.put("advantage", clue.getReward());
    line.put("advantageKind", RAW_REWARD);
    line.set("policy", PolicyJson.of(clue.getPolicy()));
    line.put("image", context == null ? null : images.copy(context.image()));
    return line;
  }

  static ObjectNode decisionLine(ScoredTrajectory trajectory, ScoredDecision decision, TurnContext context,
      ImageCopies images) throws IOException {
    ObjectNode line = common(trajectory, "decision");
    int voter = decision.getDecision().getVoterSeat();
    line.put("seat", voter);
    line.put("role", voter == 0 ? "OBSERVER" : "CIVILIAN");
    line.put("round", 0);
    line.put("sampleIndex", decision.getDecision().getSampleIndex());
    line.put("prompt", context == null ? null : context.prompt());
    line.put("completion", decision.getDecision().getText());
    line.put("answer", decision.getDecision().getVoteKind().name() + (decision.getDecision().getVotedSeat() > 0
        ? " " + decision.getDecision().getVotedSeat() : ""));
    decision.getDecision().getSample().getTokenIds().forEach(line.putArray("tokenIds")::add);
    decision.getDecision().getSample().getLogProbs().forEach(line.putArray("behaviourLogProbs")::add);
    line.put("correct", decision.getCorrect());
    line.put("reward", decision.getReward());
    line.put("advantage", decision.getAdvantage());
    line.put("advantageKind", GROUP_NORMALISED);
    line.set("policy", PolicyJson.of(decision.getPolicy()));
    line.put("image", context == null ? null : images.copy(context.image()));
    return line;
  }

  private static ObjectNode common(ScoredTrajectory trajectory, String stage) {
    ObjectNode line = Json.object();
    line.put("gameId", trajectory.getGameId());
    line.put("pairId", trajectory.getPairId());
    line.put("purpose", trajectory.getPurpose().name());
    line.put("mode", trajectory.getMode());
    line.put("completedAt", trajectory.getOccurredAt().toString());
    line.put("stage", stage);
    return line;
  }

  /** First recorded trajectory per game, oldest completion first. */
  private static Map<String, ScoredTrajectory> readTrajectories(Consumer<String, byte[]> consumer,
      Topic<String, ScoredTrajectory> topic, Instant since, Duration timeout) throws TimeoutException {
    Map<String, ScoredTrajectory> byGame = new HashMap<>();
    TopicReads.readToEnd(consumer, TopicReads.partitions(consumer, topic.name(), timeout), timeout, record -> {
      try {
        ScoredTrajectory trajectory = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (since == null || !trajectory.getOccurredAt().isBefore(since)) {
          byGame.putIfAbsent(trajectory.getGameId(), trajectory);
        }
      } catch (SerializationException e) {
        // not exportable; the trainer dead-letters it
      }
    });
    List<ScoredTrajectory> ordered = new ArrayList<>(byGame.values());
    ordered.sort(Comparator.comparing(ScoredTrajectory::getOccurredAt).thenComparing(ScoredTrajectory::getGameId));
    Map<String, ScoredTrajectory> result = new LinkedHashMap<>();
    ordered.forEach(trajectory -> result.put(trajectory.getGameId(), trajectory));
    return result;
  }

  private static Map<String, List<GameEvent>> readEvents(Consumer<String, byte[]> consumer,
      Topic<String, GameEvent> topic, Set<String> games, Duration timeout) throws TimeoutException {
    Map<String, List<GameEvent>> byGame = new HashMap<>();
    Set<String> wanted = new HashSet<>(games);
    TopicReads.readToEnd(consumer, TopicReads.partitions(consumer, topic.name(), timeout), timeout, record -> {
      if (record.key() != null && wanted.contains(record.key())) {
        try {
          GameEvent event = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
          byGame.computeIfAbsent(event.getGameId(), id -> new ArrayList<>()).add(event);
        } catch (SerializationException e) {
          // the scorer skipped it too (dead letter), so the trajectory does not depend on it
        }
      }
    });
    return byGame;
  }

  /** Copies images out of the blob store once each, named by their hash. */
  static final class ImageCopies {
    private final BlobStore blobs;
    private final Path outDir;
    private final Set<String> copied = new HashSet<>();
    private final Set<String> missing = new HashSet<>();

    ImageCopies(BlobStore blobs, Path outDir) {
      this.blobs = blobs;
      this.outDir = outDir;
    }

    /** The image's path relative to the output directory, or null for a blank or missing image. */
    String copy(BlobRef ref) throws IOException {
      if (ref == null || missing.contains(ref.getSha256())) {
        return null;
      }
      String relative = IMAGES_DIR + "/" + ref.getSha256() + extension(ref.getMediaType());
      if (copied.contains(ref.getSha256())) {
        return relative;
      }
      byte[] bytes;
      try {
        bytes = blobs.get(ref);
      } catch (BlobNotFoundException e) {
        missing.add(ref.getSha256());
        return null;
      }
      Path target = outDir.resolve(relative);
      if (!Files.exists(target)) {
        Files.write(target, bytes);
      }
      copied.add(ref.getSha256());
      return relative;
    }

    int copied() {
      return copied.size();
    }

    int missing() {
      return missing.size();
    }

    private static String extension(String mediaType) {
      return switch (mediaType) {
        case "image/png" -> ".png";
        case "image/jpeg" -> ".jpg";
        default -> ".bin";
      };
    }
  }
}
