package org.visionzero.streams.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.game.testing.GameLogs.ObserverVotes;
import org.visionzero.topics.Topic;
import org.visionzero.topics.TopicCatalog;

class LeaderboardSnapshotTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final Topic<String, ScoredTrajectory> topic = TopicCatalog.defaults().trajectories();

  @Test
  void shouldSumEvaluationGamesUpToTheEndOfTheTopicAndCountUndecodableRecords() throws Exception {
    // given two evaluation games of one pairing, a training game and a poison record on one partition
    TopicPartition partition = new TopicPartition(topic.name(), 0);
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    consumer.updatePartitions(topic.name(), List.of(new PartitionInfo(topic.name(), 0, Node.noNode(),
        new Node[0], new Node[0])));
    consumer.updateBeginningOffsets(Map.of(partition, 0L));
    consumer.updateEndOffsets(Map.of(partition, 4L));
    consumer.schedulePollTask(() -> {
      add(consumer, 0, trajectory("e1", Purpose.EVALUATION, ObserverVotes.ALL_WRONG));
      add(consumer, 1, trajectory("t1", Purpose.TRAINING, ObserverVotes.ALL_WRONG));
      consumer.addRecord(new ConsumerRecord<>(topic.name(), 0, 2, "bad", new byte[] {1}));
      add(consumer, 3, trajectory("e2", Purpose.EVALUATION, ObserverVotes.SIX_SPY_ONE_CIVILIAN_ONE_ABSTAIN));
    });

    // when the snapshot is read
    LeaderboardSnapshot.Result result = LeaderboardSnapshot.read(consumer, topic, TIMEOUT);

    // then one row with both evaluation games
    assertThat(result.skipped()).isEqualTo(1);
    assertThat(result.rows()).singleElement().satisfies(row -> {
      assertThat(row.key()).isEqualTo("vz:2|vz:1");
      assertThat(row.games()).isEqualTo(2);
      assertThat(row.civilianWins()).isEqualTo(1);
    });
    assertThat(result.toJson()).startsWith("[{").endsWith("}]");
  }

  private void add(MockConsumer<String, byte[]> consumer, long offset, ScoredTrajectory trajectory) {
    consumer.addRecord(new ConsumerRecord<>(topic.name(), 0, offset, trajectory.getGameId(),
        topic.valueSerde().serializer().serialize(topic.name(), trajectory)));
  }

  private static ScoredTrajectory trajectory(String gameId, Purpose purpose, ObserverVotes votes) {
    return GameLogs.score(GameLogs.codeGame(gameId).purpose(purpose)
        .policies(new PolicyRef("vz", 2), new PolicyRef("vz", 1)).votes(votes).play());
  }
}
