package org.visionzero.streams.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.testing.Events;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.game.testing.GameLogs.ObserverVotes;
import org.visionzero.streams.config.ScorerConfig;
import org.visionzero.streams.config.StreamsAppSettings;
import org.visionzero.topics.TopicCatalog;

class LeaderboardTopologyTest {
  private static final PolicyRef VZ_1 = new PolicyRef("vz", 1);
  private static final PolicyRef VZ_2 = new PolicyRef("vz", 2);

  private final TopicCatalog topics = TopicCatalog.defaults();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> trajectories;
  private LeaderboardQuery query;

  @BeforeEach
  void startDriver() {
    Map<String, Object> values = new HashMap<>();
    values.put(StreamsAppSettings.APPLICATION_ID, "leaderboard-test-" + UUID.randomUUID());
    values.put(StreamsAppSettings.STATE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "board").toString());
    values.put(StreamsAppSettings.STATE_STORE_TYPE, StreamsAppSettings.IN_MEMORY);
    ScorerConfig config = ScorerConfig.leaderboard(values);
    driver = new TopologyTestDriver(LeaderboardTopology.build(config), config.streamsProperties());
    trajectories = driver.createInputTopic(topics.trajectories().name(), Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    KeyValueStore<String, LeaderboardRow> store = driver.getKeyValueStore(LeaderboardTopology.STORE);
    query = new LeaderboardQuery(() -> store);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void shouldAggregateEvaluationGamesByCivilianAndSpyVersionAndSkipTrainingGames() {
    // given two evaluation games vz:2 civilians vs vz:1 spy (one won by each side), one vz:1 vs vz:1,
    // and a training game that must not count
    pipe(trajectory("e1", Purpose.EVALUATION, VZ_2, VZ_1, ObserverVotes.SIX_SPY_ONE_CIVILIAN_ONE_ABSTAIN));
    pipe(trajectory("e2", Purpose.EVALUATION, VZ_2, VZ_1, ObserverVotes.ALL_WRONG));
    pipe(trajectory("e3", Purpose.EVALUATION, VZ_1, VZ_1, ObserverVotes.ALL_WRONG));
    pipe(trajectory("t1", Purpose.TRAINING, VZ_2, VZ_1, ObserverVotes.ALL_WRONG));

    // when the leaderboard is queried
    List<LeaderboardRow> rows = query.rows();

    // then one row per pairing, ordered by civilian then spy version, with the right rates
    assertThat(rows).extracting(LeaderboardRow::key).containsExactly("vz:1|vz:1", "vz:2|vz:1");
    LeaderboardRow row = rows.get(1);
    assertThat(row.games()).isEqualTo(2);
    assertThat(row.civilianWins()).isEqualTo(1);
    assertThat(row.spyWins()).isEqualTo(1);
    assertThat(row.decisionSamples()).isEqualTo(16);
    assertThat(row.decisionAccuracy()).isCloseTo(6.0 / 16, within(1e-12));
    assertThat(row.naRate()).isCloseTo(1.0 / 16, within(1e-12));
    assertThat(row.toJson()).isEqualTo("{\"civilianPolicy\":\"vz\",\"civilianVersion\":2,\"spyPolicy\":\"vz\","
        + "\"spyVersion\":1,\"games\":2,\"civilianWins\":1,\"spyWins\":1,\"decisionSamples\":16,"
        + "\"decisionAccuracy\":0.375,\"naRate\":0.0625}");
    assertThat(query.toJson()).startsWith("[{\"civilianPolicy\":\"vz\",\"civilianVersion\":1,").endsWith("}]");
  }

  @Test
  void shouldSkipUndecodableTrajectoryAndCountTheNextOne() {
    trajectories.pipeInput("bad", new byte[] {9, 9, 9}, Events.T0);
    pipe(trajectory("e1", Purpose.EVALUATION, VZ_2, VZ_1, ObserverVotes.ALL_WRONG));

    assertThat(query.rows()).singleElement().satisfies(row -> assertThat(row.games()).isEqualTo(1));
    assertThat(driver.createOutputTopic(topics.deadLetters().name(), Serdes.String().deserializer(),
        topics.deadLetters().valueSerde().deserializer()).readValuesToList())
        .singleElement().satisfies(letter -> assertThat(letter.getComponent()).isEqualTo("leaderboard"));
  }

  @Test
  void shouldRoundTripRowsThroughTheirSerde() {
    LeaderboardRow row = new LeaderboardRow("random", 0, "vz", 7, 3, 2, 1, 24, 10, 4);
    LeaderboardRowSerde serde = new LeaderboardRowSerde();

    assertThat(serde.deserializer().deserialize("", serde.serializer().serialize("", row))).isEqualTo(row);
  }

  private static ScoredTrajectory trajectory(String gameId, Purpose purpose, PolicyRef civilians, PolicyRef spy,
      ObserverVotes votes) {
    return GameLogs.score(GameLogs.codeGame(gameId).purpose(purpose).policies(civilians, spy).votes(votes).play());
  }

  private void pipe(ScoredTrajectory trajectory) {
    trajectories.pipeInput(trajectory.getGameId(),
        topics.trajectories().valueSerde().serializer().serialize("", trajectory), Events.T0);
  }
}
