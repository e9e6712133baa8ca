package org.visionzero.ops.chaos.poison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameEvent;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.TrainingEvent;
import org.visionzero.events.TurnRequested;
import org.visionzero.game.fold.GameEventCheck;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/** Every recipe gives what its kind says, on every input topic, before the run has written anything. */
class PoisonRecipesTest {
  private static final TopicCatalog TOPICS = TopicCatalog.of("t.");
  private final PoisonRecipes recipes = new PoisonRecipes(TOPICS, 7L);
  private final Random random = new Random(7L);

  @Test
  void givenEveryInputTopic_whenUndecodableKindsAreMade_thenNoneDecodesAndEachSaysWhy() {
    for (Topic<String, ?> topic : PoisonWriter.inputTopics(TOPICS)) {
      assertRefused(topic, PoisonKind.RANDOM_BYTES, "not Avro single-object encoded");
      assertRefused(topic, PoisonKind.UNKNOWN_FINGERPRINT, "unknown schema version");
      assertRefused(topic, PoisonKind.TRUNCATED_BODY, "cannot decode");
    }
  }

  @Test
  void givenTheGameLog_whenImpossibleValuesAreMade_thenEachRoundBringsTheNextOne() {
    Topic<String, GameEvent> log = TOPICS.gameEvents();
    List<GameEvent> hugeClue = decode(log, make(log, PoisonKind.IMPOSSIBLE_VALUE, 0));
    List<GameEvent> voteBeforeClues = decode(log, make(log, PoisonKind.IMPOSSIBLE_VALUE, 3));

    assertThat(hugeClue).singleElement().satisfies(event -> {
      assertThat(event.getGameId()).startsWith(PoisonRecipes.PREFIX);
      assertThat(GameEventCheck.isValid(event)).isFalse();
    });
    assertThat(decode(log, make(log, PoisonKind.IMPOSSIBLE_VALUE, 1)))
        .allSatisfy(event -> assertThat(GameEventCheck.isValid(event)).isFalse());
    assertThat(voteBeforeClues).extracting(event -> event.getPayload().getClass().getSimpleName())
        .containsExactly("GameStarted", "DecisionSampled");
    assertThat(voteBeforeClues).allSatisfy(event -> assertThat(GameEventCheck.isValid(event)).isTrue());
  }

  @Test
  void givenOtherTopics_whenImpossibleValuesAreMade_thenTheyHoldTheImpossibleValue() {
    ScoredTrajectory nan = decode(TOPICS.trajectories(), make(TOPICS.trajectories(), PoisonKind.IMPOSSIBLE_VALUE, 0))
        .get(0);
    TurnRequested negative = decode(TOPICS.turnRequests(), make(TOPICS.turnRequests(), PoisonKind.IMPOSSIBLE_VALUE, 0))
        .get(0);
    TrainingEvent training = decode(TOPICS.training(), make(TOPICS.training(), PoisonKind.IMPOSSIBLE_VALUE, 0))
        .get(0);

    assertThat(nan.getClueRewards().get(0)).isNaN();
    assertThat(negative.getSeat()).isNegative();
    assertThat(training.getRunId()).startsWith(PoisonRecipes.PREFIX);
  }

  @Test
  void givenNothingToReplay_whenAReplayIsAsked_thenNothingIsMade() {
    assertThat(make(TOPICS.imagePairs(), PoisonKind.REPLAYED_DUPLICATE, 0)).isEmpty();
  }

  @Test
  void givenAWronglySignedCheckpoint_whenMade_thenItCarriesASignatureAndAVersionFromTheFuture() {
    Poison poison = make(TOPICS.checkpoints(), PoisonKind.CHECKPOINT_WRONGLY_SIGNED, 0).get(0);

    assertThat(poison.signature()).hasSize(32);
    assertThat(decode(TOPICS.checkpoints(), List.of(poison)).get(0).getPolicy().getVersion())
        .isGreaterThanOrEqualTo(PoisonRecipes.FUTURE_VERSION);
  }

  private List<Poison> make(Topic<String, ?> topic, PoisonKind kind, long variant) {
    return recipes.make(topic, kind, variant, variant, random, TopicSamples.none());
  }

  private void assertRefused(Topic<String, ?> topic, PoisonKind kind, String why) {
    Poison poison = make(topic, kind, 0).get(0);
    assertThat(poison.key()).startsWith(PoisonRecipes.PREFIX);
    assertThatThrownBy(() -> topic.valueSerde().deserializer().deserialize(topic.name(), poison.value()))
        .as(kind + " on " + topic.name() + ": " + new String(poison.value(), 0, 0, StandardCharsets.UTF_8))
        .isInstanceOf(SerializationException.class).hasMessageContaining(why);
  }

  private static <V> List<V> decode(Topic<String, V> topic, List<Poison> poisons) {
    return poisons.stream().map(p -> topic.valueSerde().deserializer().deserialize(topic.name(), p.value())).toList();
  }
}
