package org.visionzero.ops.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.visionzero.events.CheckpointPublished;
import org.visionzero.events.ClueGiven;
import org.visionzero.events.DecisionSampled;
import org.visionzero.events.GameAborted;
import org.visionzero.events.GameCompleted;
import org.visionzero.events.GameEvent;
import org.visionzero.events.GameStarted;
import org.visionzero.events.PolicyRef;
import org.visionzero.ops.audit.LogAudit;
import org.visionzero.ops.eval.EvaluationTally;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

/**
 * The facts the end check needs, read from the log alone (read_committed, from the beginning, no group): what
 * became of every game, which policy versions answered turns, the evaluation games' figures by version, and every
 * checkpoint event.
 *
 * @param versionsThatAnswered "name/version" of every policy version that wrote a clue or a decision
 * @param answers              the answers of every turn, by attempt
 */
record ChaosLog(GameEnds games, Set<String> versionsThatAnswered, TurnAnswers answers,
    EvaluationTally evaluation, List<CheckpointPublished> checkpoints, long undecodable) {

  static ChaosLog read(Map<String, Object> clientProperties, TopicCatalog topics, String runId, Duration timeout)
      throws TimeoutException {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    GameEnds games = new GameEnds();
    Set<String> answered = new TreeSet<>();
    TurnAnswers answers = new TurnAnswers();
    // accuracy only: clue fidelity, which needs the scenes, is not reported here
    EvaluationTally evaluation = new EvaluationTally(runId, pair -> Optional.empty());
    List<CheckpointPublished> checkpoints = new ArrayList<>();
    long[] undecodable = {0};
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      read(consumer, topics.gameEvents(), timeout, undecodable, event -> fold(event, games, answered, answers));
      read(consumer, topics.trajectories(), timeout, undecodable, evaluation::add);
      read(consumer, topics.checkpoints(), timeout, undecodable, checkpoints::add);
    }
    return new ChaosLog(games, answered, answers, evaluation, checkpoints, undecodable[0]);
  }

  private static void fold(GameEvent event, GameEnds games, Set<String> answered, TurnAnswers answers) {
    Object payload = event.getPayload();
    games.event(event.getGameId(), event.getOccurredAt());
    if (payload instanceof GameStarted) {
      games.started(event.getGameId(), event.getOccurredAt());
    } else if (payload instanceof GameCompleted) {
      games.completed(event.getGameId());
    } else if (payload instanceof GameAborted) {
      games.aborted(event.getGameId());
    } else if (payload instanceof ClueGiven clue) {
      answered.add(key(clue.getPolicy()));
      answers.answered(event.getGameId() + "/" + clue.getTurn(), clue.getAttempt());
    } else if (payload instanceof DecisionSampled decision) {
      answered.add(key(decision.getPolicy()));
      answers.answered(event.getGameId() + "/" + decision.getTurn(), decision.getAttempt());
    }
  }

  static String key(PolicyRef policy) {
    return policy.getName() + "/" + policy.getVersion();
  }

  private static <V> void read(KafkaConsumer<String, byte[]> consumer, Topic<String, V> topic, Duration timeout,
      long[] undecodable, java.util.function.Consumer<V> sink) throws TimeoutException {
    LogAudit.readValues(consumer, topic, timeout, sink, () -> undecodable[0]++);
  }

}
