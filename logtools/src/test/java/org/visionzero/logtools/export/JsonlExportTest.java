package org.visionzero.logtools.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.BlobRef;
import org.visionzero.events.GameEvent;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.game.testing.GameLogs.ObserverVotes;
import org.visionzero.game.testing.Games;
import org.visionzero.hash.Sha256;
import org.visionzero.json.Json;
import org.visionzero.logtools.replay.FakeLog;
import org.visionzero.topics.TopicCatalog;

class JsonlExportTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final TopicCatalog topics = TopicCatalog.defaults();
  private final FakeLog fake = FakeLog.of(topics);

  @TempDir
  Path dir;

  @Test
  void shouldRoundTripTheRecordedRewardsAndAdvantagesOfEverySample() throws Exception {
    // given two scored games on stored images
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    BlobRef original = blobs.put(png(0x224466), "image/png");
    BlobRef modified = blobs.put(png(0x664422), "image/png");
    List<ScoredTrajectory> recorded = new ArrayList<>();
    for (String gameId : List.of("g-a", "g-b")) {
      List<GameEvent> log = GameLogs.codeGame(gameId).images(original, modified)
          .clues(request -> "seat " + request.getSeat() + " sees a cube").votes(ObserverVotes.ALL_RIGHT).play();
      log.forEach(event -> fake.append(topics.gameEvents(), gameId, event));
      ScoredTrajectory trajectory = GameLogs.score(log);
      fake.append(topics.trajectories(), gameId, trajectory);
      recorded.add(trajectory);
    }

    // when exported and read back
    ExportReport report = JsonlExport.run(fake, topics, blobs, dir.resolve("out"), null, TIMEOUT);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(report.file())) {
      lines.add(Json.mapper().readTree(line));
    }

    // then every sample is a line with the recorded reward and advantage
    assertThat(report.games()).isEqualTo(2);
    assertThat(report.clueSamples()).isEqualTo(16);
    assertThat(report.decisionSamples()).isEqualTo(16);
    assertThat(lines).hasSize(32);
    for (ScoredTrajectory trajectory : recorded) {
      List<JsonNode> clues = lines.stream().filter(l -> l.get("gameId").asText().equals(trajectory.getGameId())
          && l.get("stage").asText().equals("clue")).toList();
      List<JsonNode> decisions = lines.stream().filter(l -> l.get("gameId").asText().equals(trajectory.getGameId())
          && l.get("stage").asText().equals("decision")).toList();
      for (int i = 0; i < trajectory.getClues().size(); i++) {
        ScoredClue clue = trajectory.getClues().get(i);
        assertThat(clues.get(i).get("seat").asInt()).isEqualTo(clue.getSeat());
        assertThat(clues.get(i).get("reward").asDouble()).isEqualTo(clue.getReward());
        assertThat(clues.get(i).get("advantage").asDouble()).isEqualTo(clue.getReward());
        assertThat(clues.get(i).get("answer").asText()).isEqualTo(clue.getText());
        assertThat(clues.get(i).get("tokenIds").get(0).asInt()).isEqualTo(clue.getSample().getTokenIds().get(0));
      }
      for (int i = 0; i < trajectory.getDecisions().size(); i++) {
        ScoredDecision decision = trajectory.getDecisions().get(i);
        assertThat(decisions.get(i).get("reward").asDouble()).isEqualTo(decision.getReward());
        assertThat(decisions.get(i).get("advantage").asDouble()).isEqualTo(decision.getAdvantage());
        assertThat((float) decisions.get(i).get("behaviourLogProbs").get(0).asDouble())
            .isEqualTo(decision.getDecision().getSample().getLogProbs().get(0));
      }
    }
  }

  @Test
  void shouldGiveEachSampleThePromptAndImageItsSeatSaw() throws Exception {
    FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
    BlobRef original = blobs.put(png(0x123456), "image/png");
    BlobRef modified = blobs.put(png(0x654321), "image/png");
    List<GameEvent> log = GameLogs.codeGame("g-p").purpose(Purpose.EVALUATION).images(original, modified)
        .clues(request -> "clue " + request.getSeat() + "/" + request.getRound()).play();
    log.forEach(event -> fake.append(topics.gameEvents(), "g-p", event));
    ScoredTrajectory trajectory = GameLogs.score(log);
    fake.append(topics.trajectories(), "g-p", trajectory);

    ExportReport report = JsonlExport.run(fake, topics, blobs, dir.resolve("out"), null, TIMEOUT);
    List<JsonNode> lines = Files.readAllLines(report.file()).stream().map(JsonlExportTest::parse).toList();

    int spy = trajectory.getSpySeat();
    JsonNode spySecondRound = lines.stream().filter(l -> l.get("stage").asText().equals("clue")
        && l.get("seat").asInt() == spy && l.get("round").asInt() == 2).findFirst().orElseThrow();
    assertThat(spySecondRound.get("role").asText()).isEqualTo("SPY");
    assertThat(spySecondRound.get("prompt").asText())
        .contains("You are Player " + spy + ". You are the SPY")
        .contains("This is clue round 2")
        .contains("Player 1: clue 1/1")
        .doesNotContain("clue " + spy + "/2");
    assertThat(spySecondRound.get("completion").asText()).isEqualTo("I reason. \\boxed{clue " + spy + "/2}");
    assertThat(spySecondRound.get("image").asText()).isEqualTo("images/" + modified.getSha256() + ".png");
    JsonNode decision = lines.stream().filter(l -> l.get("stage").asText().equals("decision")).findFirst()
        .orElseThrow();
    assertThat(decision.get("role").asText()).isEqualTo("OBSERVER");
    assertThat(decision.get("prompt").asText()).contains("You are the observer").contains("Round 2:");
    assertThat(decision.get("image").asText()).isEqualTo("images/" + original.getSha256() + ".png");
    assertThat(decision.get("advantageKind").asText()).isEqualTo(JsonlExport.GROUP_NORMALISED);
    Path copied = report.file().getParent().resolve(decision.get("image").asText());
    assertThat(Sha256.hex(Files.readAllBytes(copied))).isEqualTo(original.getSha256());
    assertThat(report.images()).isEqualTo(2);
    assertThat(report.missingImages()).isZero();
  }

  @Test
  void shouldExportOnlyGamesCompletedSinceTheGivenTimeAndCountMissingImages() throws Exception {
    FileBlobStore blobs = new FileBlobStore(dir.resolve("empty"));
    List<GameEvent> log = GameLogs.codeGame("g-old").play();
    log.forEach(event -> fake.append(topics.gameEvents(), "g-old", event));
    fake.append(topics.trajectories(), "g-old", GameLogs.score(log));
    fake.append(topics.trajectories(), "g-gone", ScoredTrajectory.newBuilder(GameLogs.score(log))
        .setGameId("g-gone").setOccurredAt(Games.T0.plusSeconds(7200)).build());

    ExportReport all = JsonlExport.run(fake, topics, blobs, dir.resolve("all"), null, TIMEOUT);
    ExportReport recent = JsonlExport.run(fake, topics, blobs, dir.resolve("recent"),
        Games.T0.plusSeconds(3600), TIMEOUT);

    assertThat(all.games()).isEqualTo(1);
    assertThat(all.gamesWithoutEvents()).containsExactly("g-gone");
    assertThat(all.missingImages()).isEqualTo(2);
    assertThat(Files.readAllLines(all.file())).allSatisfy(line -> assertThat(parse(line).get("image").isNull())
        .isTrue());
    assertThat(recent.games()).isZero();
    assertThat(recent.gamesWithoutEvents()).containsExactly("g-gone");
  }

  private static JsonNode parse(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private static byte[] png(int rgb) throws Exception {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, rgb);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
