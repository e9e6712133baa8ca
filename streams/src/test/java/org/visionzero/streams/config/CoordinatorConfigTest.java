package org.visionzero.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.visionzero.events.DecisionMode;
import org.visionzero.game.config.GameConfig;

class CoordinatorConfigTest {

  @Test
  void shouldRefuseToStartWithoutExplicitStateDir() {
    assertThatThrownBy(() -> new CoordinatorConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("state.dir");
  }

  @Test
  void shouldRefuseUnknownGameModeNamingTheAllowedValues() {
    assertThatThrownBy(() -> new CoordinatorConfig(Map.of("state.dir", "/tmp/x", "game.mode", "chess")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("game.mode")
        .hasMessageContaining("CODE, PAPER");
  }

  @Test
  void shouldSetPlayersAndRoundsIndependentlyOfTheMode() {
    GameConfig rules = new CoordinatorConfig(Map.of("state.dir", "/tmp/x", "game.mode", "paper",
        "game.players", 3, "game.clue.rounds", 1)).gameConfig();
    GameConfig modes = new CoordinatorConfig(Map.of("state.dir", "/tmp/x")).gameConfig();

    assertThat(rules.numPlayers()).isEqualTo(3);
    assertThat(rules.clueRounds()).isEqualTo(1);
    assertThat(rules.decisionMode()).isEqualTo(DecisionMode.CIVILIAN_VOTES);
    assertThat(modes.numPlayers()).isEqualTo(4);
    assertThat(modes.clueRounds()).isEqualTo(2);
    assertThatThrownBy(() -> new CoordinatorConfig(Map.of("state.dir", "/tmp/x", "game.players", 12)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("numPlayers must be in 3..9, was 12");
  }

  @Test
  void shouldRefuseZeroGamesInFlight() {
    assertThatThrownBy(() -> new CoordinatorConfig(Map.of("state.dir", "/tmp/x", "max.games.in.flight", 0)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("max.games.in.flight");
  }

  @Test
  void shouldRunExactlyOnceWithExplicitNamesAndPassThroughStreamsSettings() {
    CoordinatorConfig config = new CoordinatorConfig(Map.of(
        "state.dir", "/var/lib/vz/state",
        "bootstrap.servers", "k1:9092,k2:9092",
        "topic.prefix", "test.",
        "streams.replication.factor", "3"));

    Properties props = config.streamsProperties();

    assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/vz/state")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "k1:9092,k2:9092")
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "vz-coordinator")
        .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
        .containsEntry("replication.factor", "3")
        .containsEntry("producer.max.in.flight.requests.per.connection", 1);
    assertThat(config.topics().gameEvents().name()).isEqualTo("test.game-events");
  }

  @Test
  void shouldLetTheProducersInFlightLimitBeRaisedThroughThePassThrough() {
    CoordinatorConfig config = new CoordinatorConfig(Map.of("state.dir", "/var/lib/vz/state",
        "streams.producer.max.in.flight.requests.per.connection", "5"));

    assertThat(config.streamsProperties()).containsEntry("producer.max.in.flight.requests.per.connection", "5");
  }

  @Test
  void shouldBuildGameRulesOfTheModeWithTimeoutAndAttempts() {
    GameConfig rules = new CoordinatorConfig(Map.of("state.dir", "/tmp/x", "game.mode", "PAPER",
        "turn.timeout.ms", 5000L, "max.attempts", 5)).gameConfig();

    assertThat(rules.mode()).isEqualTo(GameConfig.Mode.PAPER);
    assertThat(rules.decisionMode()).isEqualTo(DecisionMode.CIVILIAN_VOTES);
    assertThat(rules.turnTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(rules.maxAttempts()).isEqualTo(5);
  }
}
