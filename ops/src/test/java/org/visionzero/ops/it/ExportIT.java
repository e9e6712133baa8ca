package org.visionzero.ops.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.hash.Sha256;
import org.visionzero.logtools.export.ExportReport;
import org.visionzero.logtools.export.JsonlExport;
import org.visionzero.ops.testing.KafkaBrokerExtension;
import org.visionzero.topics.TopicCatalog;

/** Export on a real broker: the JSONL of the pipeline's games round-trips every recorded reward. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExportIT {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static final int GAMES = 3;
  private static final int SAMPLES_PER_GAME = 8 + 8; // 4 seats x 2 rounds of clues, G = 8 observer samples
  private static final Duration BUDGET = Duration.ofSeconds(90);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void shouldRoundTripTheRecordedRewardsWhenThePipelinesGamesAreExported() throws Exception {
    // given three games played by the pipeline on stored images
    TopicCatalog topics = KAFKA.createTopics(KAFKA.uniqueCatalog());
    Path dir = Files.createTempDirectory("export-it");
    Map<String, ScoredTrajectory> recorded;
    try (ReplayIT.ScriptedPipeline pipeline = ReplayIT.ScriptedPipeline.start(KAFKA, topics, dir, GAMES,
        request -> "seat " + request.getSeat() + " sees a cube")) {
      recorded = pipeline.awaitAll(BUDGET);
    }

    // when they are exported and read back
    ExportReport report;
    try (KafkaConsumer<String, byte[]> consumer = ReplayIT.readCommitted(KAFKA)) {
      report = JsonlExport.run(consumer, topics, new FileBlobStore(dir.resolve("blobs")), dir.resolve("out"),
          null, TIMEOUT);
    }
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(report.file())) {
      lines.add(json.readTree(line));
    }

    // then there is one line per sample, carrying the recorded reward and advantage, and the images it saw
    assertThat(report.games()).isEqualTo(GAMES);
    assertThat(lines).hasSize(GAMES * SAMPLES_PER_GAME);
    for (ScoredTrajectory trajectory : recorded.values()) {
      List<JsonNode> clues = lines.stream().filter(line -> line.get("gameId").asText().equals(trajectory.getGameId())
          && line.get("stage").asText().equals("clue")).toList();
      List<JsonNode> decisions = lines.stream().filter(line -> line.get("gameId").asText()
          .equals(trajectory.getGameId()) && line.get("stage").asText().equals("decision")).toList();
      assertThat(clues).hasSize(trajectory.getClues().size());
      for (int i = 0; i < clues.size(); i++) {
        ScoredClue clue = trajectory.getClues().get(i);
        assertThat(clues.get(i).get("reward").asDouble()).isEqualTo(clue.getReward());
        assertThat(clues.get(i).get("prompt").asText()).contains("You are Player " + clue.getSeat());
        assertThat(clues.get(i).get("policy").get("version").asInt()).isEqualTo(clue.getPolicy().getVersion());
      }
      assertThat(decisions).hasSize(trajectory.getDecisions().size());
      for (int i = 0; i < decisions.size(); i++) {
        ScoredDecision decision = trajectory.getDecisions().get(i);
        assertThat(decisions.get(i).get("reward").asDouble()).isEqualTo(decision.getReward());
        assertThat(decisions.get(i).get("advantage").asDouble()).isEqualTo(decision.getAdvantage());
      }
    }
    assertThat(report.images()).isEqualTo(2);
    for (JsonNode line : lines) {
      Path image = dir.resolve("out").resolve(line.get("image").asText());
      assertThat(Sha256.hex(Files.readAllBytes(image))).isEqualTo(image.getFileName().toString().replace(".png", ""));
    }
    Files.write(ReplayIT.outputDir().resolve("export-sample.jsonl"),
        List.of(Files.readAllLines(report.file()).get(0), Files.readAllLines(report.file()).get(8)));
    Files.writeString(ReplayIT.outputDir().resolve("export-report.json"), report.toJson());
  }
}
