package org.visionzero.logtools.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TurnRetried;
import org.visionzero.game.fold.EventIds;
import org.visionzero.game.fold.GameState;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.game.testing.Games;
import org.visionzero.json.Json;
import org.visionzero.topics.TopicCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GameReplayTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final TopicCatalog topics = TopicCatalog.defaults();
  private final FakeLog fake = FakeLog.of(topics);

  @Test
  void shouldReplayExactlyTheRecordedEventsInOrderWhenOtherGamesAndADuplicateShareTheLog() throws Exception {
    // given two games interleaved in the log, and a worker's answer of game one written twice
    List<GameEvent> one = GameLogs.codeGame("g-one").play();
    List<GameEvent> two = GameLogs.codeGame("g-two").purpose(Purpose.EVALUATION).play();
    List<GameEvent> recorded = new ArrayList<>(one);
    recorded.add(3, one.get(2));
    for (int i = 0; i < recorded.size(); i++) {
      fake.append(topics.gameEvents(), "g-one", recorded.get(i));
      if (i < two.size()) {
        fake.append(topics.gameEvents(), "g-two", two.get(i));
      }
    }
    ScoredTrajectory trajectory = GameLogs.score(one);
    fake.append(topics.trajectories(), "g-one", trajectory);

    // when game one is replayed
    Timeline timeline = GameReplay.read(fake, topics, "g-one", TIMEOUT);

    // then it shows exactly the recorded events in order, the repeat marked as ignored, then the trajectory
    assertThat(timeline.entries()).extracting(TimelineEntry::eventId)
        .containsExactlyElementsOf(recorded.stream().map(GameEvent::getEventId).toList());
    assertThat(timeline.entries()).extracting(TimelineEntry::offset).isSorted();
    assertThat(timeline.entries().get(3).accepted()).isFalse();
    assertThat(timeline.entries()).filteredOn(entry -> entry.offset() != timeline.entries().get(3).offset())
        .allMatch(TimelineEntry::accepted);
    assertThat(timeline.status()).isEqualTo(GameState.Status.COMPLETED);
    assertThat(timeline.trajectory()).isEqualTo(trajectory);
    assertThat(timeline.toText())
        .contains("game g-one  (completed, " + recorded.size() + " events)")
        .contains("(ignored by the fold)")
        .contains("outcome: winner")
        .contains("clue rewards (raw, before RAE)");
  }

  @Test
  void shouldShowSeatRolePolicyAndClueOfEveryClueEntry() throws Exception {
    List<GameEvent> log = GameLogs.codeGame("g-roles").play();
    log.forEach(event -> fake.append(topics.gameEvents(), "g-roles", event));

    Timeline timeline = GameReplay.read(fake, topics, "g-roles", TIMEOUT);

    int spySeat = timeline.started().getSpySeat();
    List<TimelineEntry> clues = timeline.entries().stream()
        .filter(entry -> entry.kind() == TimelineEntry.Kind.CLUE).toList();
    assertThat(clues).hasSize(8).allSatisfy(entry -> {
      assertThat(entry.role()).isEqualTo(entry.seat() == spySeat ? Role.SPY : Role.CIVILIAN);
      assertThat(entry.policy()).isEqualTo(Games.POLICY);
      assertThat(entry.text()).isEqualTo("clue of seat " + entry.seat() + " round " + entry.detail().substring(6));
    });
    TimelineEntry decision = timeline.entries().stream()
        .filter(entry -> entry.kind() == TimelineEntry.Kind.DECISION).findFirst().orElseThrow();
    assertThat(decision.role()).isEqualTo(Role.OBSERVER);
    assertThat(decision.votes()).hasSize(8).containsOnly("1");
    assertThat(timeline.trajectory()).isNull();
    assertThat(timeline.toText()).endsWith("no scored trajectory recorded\n");
  }

  @Test
  void shouldEscapeControlCharactersOfAClueInTheTextTimeline() throws Exception {
    // given a clue that tries to clear the screen and fake an extra line
    List<GameEvent> log = GameLogs.codeGame("g-ansi").clues(request -> "red\u001b[2J\nfake line").play();
    log.forEach(event -> fake.append(topics.gameEvents(), "g-ansi", event));

    String text = GameReplay.read(fake, topics, "g-ansi", TIMEOUT).toText();

    assertThat(text).doesNotContain("\u001b").contains("\"red\\u001b[2J\\nfake line\"");
  }

  @Test
  void shouldWriteEveryEventAndTheRewardsAsJson() throws Exception {
    List<GameEvent> log = GameLogs.codeGame("g-json").play();
    log.forEach(event -> fake.append(topics.gameEvents(), "g-json", event));
    ScoredTrajectory trajectory = GameLogs.score(log);
    fake.append(topics.trajectories(), "g-json", trajectory);

    JsonNode json = Json.mapper().readTree(GameReplay.read(fake, topics, "g-json", TIMEOUT).toJson());

    assertThat(json.get("gameId").asText()).isEqualTo("g-json");
    assertThat(json.get("spySeat").asInt()).isEqualTo(trajectory.getSpySeat());
    assertThat(json.get("events")).hasSize(log.size());
    assertThat(json.get("events").get(1).get("text").asText())
        .isEqualTo(((ClueGiven) log.get(1).getPayload()).getText());
    assertThat(json.get("trajectory").get("clueRewards").get(0).asDouble())
        .isEqualTo(trajectory.getClueRewards().get(0));
  }

  @Test
  void shouldShowRetriesAndTheAbortWithTheirReasons() throws Exception {
    // given a game whose first turn is retried once, then given up
    GameEvent start = GameLogs.codeGame("g-abort").play().get(0);
    GameEvent retry = GameEvent.newBuilder().setEventId(EventIds.retry("g-abort", 0, 2))
        .setOccurredAt(Games.T0.plusSeconds(30)).setGameId("g-abort")
        .setPayload(new TurnRetried(0, 2, "timeout after 30000 ms")).build();
    GameEvent abort = GameEvent.newBuilder().setEventId(EventIds.aborted("g-abort"))
        .setOccurredAt(Games.T0.plusSeconds(60)).setGameId("g-abort")
        .setPayload(new GameAborted(0, 2, "turn 0 unanswered after 2 attempts")).build();
    List.of(start, retry, abort).forEach(event -> fake.append(topics.gameEvents(), "g-abort", event));

    Timeline timeline = GameReplay.read(fake, topics, "g-abort", TIMEOUT);

    assertThat(timeline.status()).isEqualTo(GameState.Status.ABORTED);
    assertThat(timeline.entries()).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.STARTED,
        TimelineEntry.Kind.RETRY, TimelineEntry.Kind.ABORTED);
    assertThat(timeline.entries()).allMatch(TimelineEntry::accepted);
    assertThat(timeline.toText())
        .contains("retry     turn 0 try 2  timeout after 30000 ms")
        .contains("aborted   turn 0 try 2  turn 0 unanswered after 2 attempts");
  }

  @Test
  void shouldSayHowToFindGamesWhenTheGameIsNotInTheLog() {
    GameLogs.codeGame("g-present").play()
        .forEach(event -> fake.append(topics.gameEvents(), "g-present", event));

    assertThatThrownBy(() -> GameReplay.read(fake, topics, "g-absent", TIMEOUT))
        .isInstanceOf(GameNotFoundException.class)
        .hasMessageContaining("g-absent").hasMessageContaining("vz replay --list");
  }

  @Test
  void shouldCountUndecodableRecordsOfTheGameWithoutStopping() throws Exception {
    List<GameEvent> log = GameLogs.codeGame("g-poison").play();
    fake.append(topics.gameEvents(), "g-poison", log.get(0));
    fake.appendRaw(topics.gameEvents().name(), "g-poison", new byte[] {1, 2, 3});

    Timeline timeline = GameReplay.read(fake, topics, "g-poison", TIMEOUT);

    assertThat(timeline.entries()).hasSize(1);
    assertThat(timeline.undecodable()).isEqualTo(1);
    assertThat(timeline.toText()).contains("1 record(s) of this game could not be decoded");
  }
}
