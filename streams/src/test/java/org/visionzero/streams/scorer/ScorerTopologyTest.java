package org.visionzero.streams.scorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.Outcome;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredDecision;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.VoteKind;
import org.visionzero.events.Winner;
import org.visionzero.game.testing.Events;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.game.testing.GameLogs.ObserverVotes;
import org.visionzero.streams.config.ScorerConfig;
import org.visionzero.streams.config.StreamsAppSettings;
import org.visionzero.topics.TopicCatalog;

class ScorerTopologyTest {
  private static final double EPS = 1e-9;
  private static final PolicyRef VZ = new PolicyRef("vz", 2);
  // Golden values, computed by hand (VISION-ZERO.md section 2) for votes spy 6, first civilian 1, N/A 1:
  // gap = 6 − 1/3; spy −0.1·gap; civilians (0.1/3)·gap − 0.1·(v − 1/3).
  private static final double SPY_CLUE_REWARD = -0.5666666666666668;
  private static final double VOTED_CIVILIAN_CLUE_REWARD = 0.1222222222222222;
  private static final double OTHER_CIVILIAN_CLUE_REWARD = 0.2222222222222222;
  // Code shape 0.3·(2f−1) + 1.2·a + 0.99·[a>0]: correct 2.49, wrong −0.9, N/A −0.3; then (r − mean)/(std + 1e-8).
  private static final double CORRECT_ADVANTAGE = 0.5737560551951756;
  private static final double WRONG_ADVANTAGE = -1.9440860510982159;
  private static final double ABSTAIN_ADVANTAGE = -1.4984502800728368;

  private final TopicCatalog topics = TopicCatalog.defaults();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> gameEvents;
  private TestOutputTopic<String, ScoredTrajectory> trajectories;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void startDriver() {
    Map<String, Object> values = new HashMap<>();
    values.put(StreamsAppSettings.APPLICATION_ID, "scorer-test-" + UUID.randomUUID());
    values.put(StreamsAppSettings.STATE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "scorer").toString());
    values.put(StreamsAppSettings.STATE_STORE_TYPE, StreamsAppSettings.IN_MEMORY);
    ScorerConfig config = ScorerConfig.scorer(values);
    driver = new TopologyTestDriver(ScorerApp.buildTopology(config, registry), config.streamsProperties());
    gameEvents = driver.createInputTopic(topics.gameEvents().name(), Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    trajectories = driver.createOutputTopic(topics.trajectories().name(), Serdes.String().deserializer(),
        topics.trajectories().valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(topics.deadLetters().name(), Serdes.String().deserializer(),
        topics.deadLetters().valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void shouldScoreCompletedGameWithGoldenRewardsAndAdvantages() {
    // given the full log of a code-mode game: 8 clues, observer votes spy x6, a civilian x1, N/A x1
    List<GameEvent> log = GameLogs.codeGame("g-golden").seed(42L).policies(VZ, VZ)
        .votes(ObserverVotes.SIX_SPY_ONE_CIVILIAN_ONE_ABSTAIN).play();

    // when the scorer reads it
    pipe(log);

    // then one trajectory with every sample, its behaviour policy and the golden rewards
    ScoredTrajectory trajectory = trajectories.readValue();
    assertThat(trajectories.isEmpty()).isTrue();
    int spy = trajectory.getSpySeat();
    int votedCivilian = GameLogs.firstCivilian(spy);
    assertThat(trajectory.getEventId()).isEqualTo("g-golden/scored");
    assertThat(trajectory.getPurpose()).isEqualTo(Purpose.TRAINING);
    assertThat(trajectory.getMode()).isEqualTo("code");
    assertThat(trajectory.getOutcome().getWinner()).isEqualTo(Winner.CIVILIANS);
    assertThat(trajectory.getOutcome().getDecisionAccuracy()).isEqualTo(0.75);
    assertThat(trajectory.getClueRewards().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(0.0,
        within(EPS));
    for (int seat = 1; seat <= 4; seat++) {
      double expected = seat == spy ? SPY_CLUE_REWARD
          : seat == votedCivilian ? VOTED_CIVILIAN_CLUE_REWARD : OTHER_CIVILIAN_CLUE_REWARD;
      assertThat(trajectory.getClueRewards().get(seat - 1)).as("seat %d", seat).isCloseTo(expected, within(EPS));
    }
    assertThat(trajectory.getClues()).hasSize(8).allSatisfy(clue -> {
      assertThat(clue.getPolicy()).isEqualTo(VZ);
      assertThat(clue.getSample().getTokenIds()).isNotEmpty();
      assertThat(clue.getRole()).isEqualTo(clue.getSeat() == spy ? Role.SPY : Role.CIVILIAN);
      assertThat(clue.getReward()).isEqualTo(trajectory.getClueRewards().get(clue.getSeat() - 1));
    });
    assertThat(trajectory.getClues()).extracting(ScoredClue::getRound).containsExactly(1, 1, 1, 1, 2, 2, 2, 2);
    List<ScoredDecision> decisions = trajectory.getDecisions();
    assertThat(decisions).hasSize(8);
    for (ScoredDecision decision : decisions) {
      double expected = decision.getDecision().getVoteKind() == VoteKind.ABSTAIN ? ABSTAIN_ADVANTAGE
          : decision.getCorrect() ? CORRECT_ADVANTAGE : WRONG_ADVANTAGE;
      assertThat(decision.getAdvantage()).isCloseTo(expected, within(1e-7));
      assertThat(decision.getPolicy()).isEqualTo(VZ);
    }
    assertThat(decisions).filteredOn(ScoredDecision::getCorrect).hasSize(6)
        .allSatisfy(d -> assertThat(d.getReward()).isCloseTo(2.49, within(EPS)));
    assertThat(registry.get(ScorerMetrics.TRAJECTORIES_SCORED).counter().count()).isEqualTo(1.0);
  }

  @Test
  void shouldScoreEachGameOnceWhenItsEventsAreDeliveredAgain() {
    List<GameEvent> log = GameLogs.codeGame("g-twice").seed(7L).purpose(Purpose.EVALUATION).policies(VZ, VZ)
        .votes(ObserverVotes.ALL_WRONG).play();

    pipe(log);
    pipe(log);

    assertThat(trajectories.readValuesToList()).singleElement().satisfies(trajectory -> {
      assertThat(trajectory.getPurpose()).isEqualTo(Purpose.EVALUATION);
      assertThat(trajectory.getOutcome().getWinner()).isEqualTo(Winner.SPY);
    });
  }

  @Test
  void shouldNotScoreGameThatHasNotCompleted() {
    List<GameEvent> log = GameLogs.codeGame("g-open").seed(7L).policies(VZ, VZ).votes(ObserverVotes.ALL_WRONG)
        .play();

    pipe(log.subList(0, log.size() - 1));

    assertThat(trajectories.isEmpty()).isTrue();
  }

  @Test
  void shouldDeadLetterPoisonRecordAndScoreTheRest() {
    List<GameEvent> log = GameLogs.codeGame("g-poison").seed(7L).policies(VZ, VZ).votes(ObserverVotes.ALL_WRONG)
        .play();

    gameEvents.pipeInput("g-poison", new byte[] {1, 2, 3}, Events.T0);
    pipe(log);

    assertThat(deadLetters.readValuesToList()).singleElement().satisfies(letter -> {
      assertThat(letter.getComponent()).isEqualTo("scorer");
      assertThat(letter.getSourceTopic()).isEqualTo("vz.game-events");
    });
    assertThat(trajectories.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldDeadLetterAGameWhoseCompletionOutcomeIsNotTheTallyOfItsAcceptedDecisions() {
    // the log of issue 25: the completion's outcome was tallied from another attempt's votes than the fold kept
    List<GameEvent> log = new java.util.ArrayList<>(GameLogs.codeGame("g-mixed").seed(7L).policies(VZ, VZ)
        .votes(ObserverVotes.SIX_SPY_ONE_CIVILIAN_ONE_ABSTAIN).play());
    GameEvent completion = log.remove(log.size() - 1);
    Outcome recorded = ((GameCompleted) completion.getPayload()).getOutcome();
    Outcome otherAttempt = Outcome.newBuilder(recorded).setVotesPerSeat(List.of(2, 3, 0, 3)).build();
    log.add(GameEvent.newBuilder(completion).setPayload(new GameCompleted(otherAttempt)).build());
    List<GameEvent> fine = GameLogs.codeGame("g-fine").seed(8L).policies(VZ, VZ).votes(ObserverVotes.ALL_WRONG)
        .play();

    pipe(log);
    pipe(fine);

    assertThat(deadLetters.readValuesToList()).singleElement().satisfies(letter -> {
      assertThat(letter.getComponent()).isEqualTo("scorer");
      assertThat(letter.getError()).contains("the trajectory of game g-mixed contradicts itself")
          .contains("outcome (votes [2, 3, 0, 3]");
    });
    assertThat(trajectories.readValuesToList()).extracting(ScoredTrajectory::getGameId).containsExactly("g-fine");
  }

  private void pipe(List<GameEvent> log) {
    for (GameEvent event : log) {
      gameEvents.pipeInput(event.getGameId(), topics.gameEvents().valueSerde().serializer().serialize("", event),
          Events.T0);
    }
  }
}
