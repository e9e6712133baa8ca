package org.visionzero.logtools.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Winner;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.game.testing.GameLogs.ObserverVotes;
import org.visionzero.game.testing.Games;
import org.visionzero.json.Json;
import org.visionzero.topics.TopicCatalog;
import static org.assertj.core.api.Assertions.assertThat;

class GameIndexTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final TopicCatalog topics = TopicCatalog.defaults();
  private final FakeLog fake = FakeLog.of(topics);

  @BeforeEach
  void logThreeGames() {
    // a training game the spy wins (observer names seat 1 ≠ spy), an evaluation game the civilians win,
    // and a later training game of version 5 still running (only its start is logged)
    GameLogs.codeGame("g-spy-wins").purpose(Purpose.TRAINING).clues(r -> "x").votes(ObserverVotes.ALL_WRONG).play()
        .forEach(event -> fake.append(topics.gameEvents(), event.getGameId(), event));
    GameLogs.codeGame("g-civilians-win").purpose(Purpose.EVALUATION).clues(r -> "x").votes(ObserverVotes.ALL_RIGHT)
        .play()
        .forEach(event -> fake.append(topics.gameEvents(), event.getGameId(), event));
    GameEvent start = GameLogs.codeGame("g-running").purpose(Purpose.TRAINING).play().get(0);
    GameStarted started = GameStarted.newBuilder((GameStarted) start.getPayload())
        .setCivilianPolicy(new PolicyRef("vz", 5)).build();
    fake.append(topics.gameEvents(), "g-running", GameEvent.newBuilder(start)
        .setOccurredAt(Games.T0.plusSeconds(3600)).setPayload(started).build());
  }

  @Test
  void shouldListEveryGameOldestFirstWithItsStatusWhenNoFilterIsGiven() throws Exception {
    List<GameSummary> games = GameIndex.list(fake, topics, GameFilter.all(), TIMEOUT);

    assertThat(games).extracting(GameSummary::gameId).containsExactly("g-civilians-win", "g-spy-wins", "g-running");
    assertThat(games).extracting(GameSummary::status).containsExactly(GameSummary.Status.COMPLETED,
        GameSummary.Status.COMPLETED, GameSummary.Status.RUNNING);
    assertThat(games).extracting(GameSummary::winner).containsExactly(Winner.CIVILIANS, Winner.SPY, null);
  }

  @Test
  void shouldKeepOnlyMatchingGamesWhenFilteredByTimeVersionWinnerAndPurpose() throws Exception {
    assertThat(ids(GameFilter.all().since(Games.T0.plusSeconds(60)))).containsExactly("g-running");
    assertThat(ids(GameFilter.all().policyVersion(5))).containsExactly("g-running");
    assertThat(ids(GameFilter.all().policyVersion(Games.POLICY.getVersion())))
        .containsExactly("g-civilians-win", "g-spy-wins", "g-running");
    assertThat(ids(GameFilter.all().winner(Winner.SPY))).containsExactly("g-spy-wins");
    assertThat(ids(GameFilter.all().purpose(Purpose.EVALUATION))).containsExactly("g-civilians-win");
    assertThat(ids(GameFilter.all().purpose(Purpose.TRAINING).winner(Winner.CIVILIANS))).isEmpty();
    assertThat(ids(GameFilter.all().since(Instant.parse("2030-01-01T00:00:00Z")))).isEmpty();
  }

  @Test
  void shouldWriteTheListAsJson() throws Exception {
    JsonNode json = Json.mapper().readTree(GameSummary.toJson(GameIndex.list(fake, topics, GameFilter.all(),
        TIMEOUT)));

    assertThat(json).hasSize(3);
    assertThat(json.get(2).get("civilianPolicy").get("version").asInt()).isEqualTo(5);
    assertThat(json.get(2).get("winner").isNull()).isTrue();
  }

  private List<String> ids(GameFilter filter) throws Exception {
    return GameIndex.list(fake, topics, filter, TIMEOUT).stream().map(GameSummary::gameId).toList();
  }
}
