package org.visionzero.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.deadletter.DeadLetterPublisher;
import org.visionzero.events.BlobRef;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DeadLetter;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameEvent;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.TurnRequested;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.TurnResult;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.scene.SceneFacts;
import org.visionzero.policy.scene.SceneObject;
import org.visionzero.serde.AvroSerdes;
import org.visionzero.topics.TopicCatalog;
import org.visionzero.workers.device.WorkerDevice;
import org.visionzero.workers.image.ImageCache;
import org.visionzero.workers.policy.CheckpointIndex;
import org.visionzero.workers.policy.CheckpointLoader;
import org.visionzero.workers.policy.PolicyFactory;
import org.visionzero.workers.policy.PolicyRegistry;
import org.visionzero.workers.policy.ScriptedPolicyFactory;

class TurnHandlerTest {
  static final TopicCatalog TOPICS = TopicCatalog.of("t.");
  static final PolicyRef RANDOM_CURRENT = new PolicyRef("random", -1);
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  @TempDir
  Path dir;

  private SimpleMeterRegistry meters;
  private TurnHandler handler;
  private FileBlobStore blobs;

  @BeforeEach
  void setUp() {
    blobs = new FileBlobStore(dir);
    meters = new SimpleMeterRegistry();
    handler = handler(blobs, meters);
  }

  static TurnHandler handler(FileBlobStore blobs, SimpleMeterRegistry meters) {
    return handler(blobs, meters, SceneFactsProvider.NONE);
  }

  static TurnHandler handler(FileBlobStore blobs, SimpleMeterRegistry meters, SceneFactsProvider facts) {
    CheckpointLoader loader =
        new CheckpointLoader(blobs, new ScriptedPolicyFactory(Vocabulary.standard()), WorkerDevice.CPU);
    PolicyRegistry registry = new PolicyRegistry(new CheckpointIndex(), loader, 4);
    return new TurnHandler("w1", AvroSerdes.of(TurnRequested.class), TOPICS.gameEvents(),
        new DeadLetterPublisher(new MockProducer<>(), TOPICS.deadLetters()), registry,
        new ImageCache(blobs, 8), facts, new WorkerMetrics(meters, "w1", "cpu"),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static GameEvent answer(ProducerRecord<byte[], byte[]> record) {
    assertThat(record.topic()).isEqualTo(TOPICS.gameEvents().name());
    return AvroSerdes.of(GameEvent.class).decode(record.value());
  }

  static DeadLetter deadLetter(ProducerRecord<byte[], byte[]> record) {
    assertThat(record.topic()).isEqualTo(TOPICS.deadLetters().name());
    return AvroSerdes.of(DeadLetter.class).decode(record.value());
  }

  @Test
  void shouldAnswerClueAndDecisionTurnsKeyedByGameWithTheirEventIds() {
    List<ProducerRecord<byte[], byte[]>> out = handler.handle(List.of(
        TestRequests.record(0, 10, TestRequests.clue("g1", 0, RANDOM_CURRENT)),
        TestRequests.record(1, 20, TestRequests.decision("g2", 8, RANDOM_CURRENT, 3))));

    assertThat(out).hasSize(2);
    GameEvent clue = answer(out.get(0));
    assertThat(new String(out.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("g1");
    assertThat(clue.getEventId()).isEqualTo("g1/0/1/answer");
    assertThat(clue.getPayload()).isInstanceOfSatisfying(ClueGiven.class, c -> {
      assertThat(c.getWorkerId()).isEqualTo("w1");
      assertThat(c.getPolicy()).isEqualTo(new PolicyRef("random", 0));
      assertThat(c.getSample().getTokenIds()).isNotEmpty();
    });
    GameEvent decision = answer(out.get(1));
    assertThat(decision.getEventId()).isEqualTo("g2/8/1/answer");
    assertThat(decision.getPayload()).isInstanceOfSatisfying(DecisionSampled.class,
        d -> assertThat(d.getSamples()).hasSize(3));
    assertThat(meters.counter(WorkerMetrics.TURNS, "worker", "w1", "device", "cpu", "kind", "CLUE",
        "policy", "random").count()).isEqualTo(1.0);
  }

  @Test
  void shouldDeadLetterUndecodableRequestAndStillAnswerTheOthers() {
    byte[] junk = "not avro".getBytes(StandardCharsets.UTF_8);

    List<ProducerRecord<byte[], byte[]>> out = handler.handle(List.of(
        TestRequests.record(0, 5, "g9", junk),
        TestRequests.record(0, 6, TestRequests.clue("g1", 0, RANDOM_CURRENT))));

    DeadLetter dead = deadLetter(out.get(0));
    assertThat(dead.getSourceOffset()).isEqualTo(5);
    assertThat(dead.getComponent()).isEqualTo("w1");
    assertThat(dead.getError()).contains("cannot decode TurnRequested");
    assertThat(answer(out.get(1)).getEventId()).isEqualTo("g1/0/1/answer");
  }

  @Test
  void shouldDeadLetterTurnOfPolicyThisWorkerCannotLoad() {
    List<ProducerRecord<byte[], byte[]>> out = handler.handle(List.of(
        TestRequests.record(0, 1, TestRequests.clue("g1", 0, new PolicyRef("random", 4)))));

    assertThat(deadLetter(out.get(0)).getError()).contains("random@4").contains("needs a checkpoint");
  }

  @Test
  void shouldDeadLetterTurnWhoseImageIsMissing() {
    BlobRef missing = new BlobRef(FileBlobStore.URI_PREFIX + "a".repeat(64), "a".repeat(64), "image/png", 10L);
    TurnRequested request = TestRequests.clue("g1", 0, RANDOM_CURRENT);
    request.setImage(missing);

    List<ProducerRecord<byte[], byte[]>> out = handler.handle(List.of(TestRequests.record(0, 1, request)));

    assertThat(deadLetter(out.get(0)).getError()).contains("image").contains("a".repeat(64));
  }

  @Test
  void shouldLetTheOraclePlayWhenSceneFactsAreProvided() {
    SceneFacts scene = new SceneFacts(64, 48,
        List.of(new SceneObject(1, "cube", "red", "small", "metal", 10, 20, 5)),
        List.of(new SceneObject(1, "sphere", "blue", "small", "metal", 10, 20, 5)), Set.of(1));
    TurnHandler withFacts = handler(blobs, meters, request -> scene);

    List<ProducerRecord<byte[], byte[]>> out = withFacts.handle(List.of(
        TestRequests.record(0, 1, TestRequests.clue("g1", 0, new PolicyRef("oracle", -1)))));

    assertThat(answer(out.get(0)).getPayload()).isInstanceOfSatisfying(ClueGiven.class,
        c -> assertThat(c.getText()).isEqualTo("red cube"));
  }

  @Test
  void shouldDeadLetterOracleTurnsWhenNoSceneFactsAreConfigured() {
    List<ProducerRecord<byte[], byte[]>> out = handler.handle(List.of(
        TestRequests.record(0, 1, TestRequests.clue("g1", 0, new PolicyRef("oracle", -1)))));

    assertThat(deadLetter(out.get(0)).getError()).contains("scene graph");
  }

  @Test
  void givenAPolicyThatFailsOneTurnOfABatch_thenThatTurnIsDeadLetteredWithItsReasonAndTheOthersAnswered() {
    PolicyFactory flaky = new PolicyFactory() {
      @Override
      public boolean handles(String policyName) {
        return "flaky".equals(policyName);
      }

      @Override
      public String architecture(String policyName) {
        return "flaky";
      }

      @Override
      public Policy load(PolicyRef ref, byte[] checkpoint, WorkerDevice device) {
        return new FailingForBadGames(new org.visionzero.policy.scripted.RandomPolicy(Vocabulary.standard()), ref);
      }
    };
    CheckpointLoader loader = new CheckpointLoader(blobs, flaky, WorkerDevice.CPU);
    TurnHandler flakyHandler = new TurnHandler("w1", AvroSerdes.of(TurnRequested.class), TOPICS.gameEvents(),
        new DeadLetterPublisher(new MockProducer<>(), TOPICS.deadLetters()),
        new PolicyRegistry(new CheckpointIndex(), loader, 4), new ImageCache(blobs, 8), SceneFactsProvider.NONE,
        new WorkerMetrics(meters, "w1", "cpu"), Clock.fixed(NOW, ZoneOffset.UTC));
    PolicyRef current = new PolicyRef("flaky", -1);

    List<ProducerRecord<byte[], byte[]>> out = flakyHandler.handle(List.of(
        TestRequests.record(0, 1, TestRequests.clue("good-1", 0, current)),
        TestRequests.record(0, 2, TestRequests.clue("bad-1", 0, current)),
        TestRequests.record(0, 3, TestRequests.clue("good-2", 0, current))));

    assertThat(answer(out.get(0)).getGameId()).isEqualTo("good-1");
    assertThat(deadLetter(out.get(1)).getError()).contains("HTTP 503 from the server");
    assertThat(answer(out.get(2)).getGameId()).isEqualTo("good-2");
  }

  /** A policy that, like a remote one, fails the turns of games named bad-* alone. */
  private record FailingForBadGames(Policy delegate, PolicyRef ref) implements Policy {
    @Override
    public List<ClueAnswer> clues(List<PolicyTurn> turns) {
      return delegate.clues(turns);
    }

    @Override
    public List<DecisionAnswer> decisions(List<PolicyTurn> turns) {
      return delegate.decisions(turns);
    }

    @Override
    public List<TurnResult<ClueAnswer>> tryClues(List<PolicyTurn> turns) {
      List<ClueAnswer> answers = delegate.clues(turns);
      List<TurnResult<ClueAnswer>> out = new java.util.ArrayList<>();
      for (int i = 0; i < turns.size(); i++) {
        out.add(turns.get(i).view().gameId().startsWith("bad") ? TurnResult.failed("HTTP 503 from the server")
            : TurnResult.answered(answers.get(i)));
      }
      return out;
    }
  }
}
