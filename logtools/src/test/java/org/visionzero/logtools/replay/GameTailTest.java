package org.visionzero.logtools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameEvent;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.topics.TopicCatalog;

class GameTailTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final TopicCatalog topics = TopicCatalog.defaults();
  private final FakeLog fake = FakeLog.of(topics);

  @Test
  void shouldWriteOneCompactLinePerEventUntilStopped() {
    List<GameEvent> log = GameLogs.codeGame("g-tail").play();
    log.forEach(event -> fake.append(topics.gameEvents(), "g-tail", event));
    fake.appendRaw(topics.gameEvents().name(), "g-tail", new byte[] {9});
    List<String> lines = new ArrayList<>();

    long written = GameTail.follow(fake, topics, true, lines::add, () -> lines.size() > log.size(), TIMEOUT);

    assertThat(written).isEqualTo(log.size() + 1);
    assertThat(lines).allMatch(line -> line.startsWith("g-tail  ")).doesNotContain("");
    assertThat(lines.get(0)).contains("started").contains("pair pair-g-tail");
    assertThat(lines.get(1)).contains("clue").contains("turn 0 try 1").contains("\"clue of seat");
    assertThat(lines.get(lines.size() - 1)).contains("undecodable");
    assertThat(lines).noneMatch(line -> line.contains("\n"));
  }

  @Test
  void shouldStartAtTheEndOfTheLogWhenNotAskedForHistory() {
    GameLogs.codeGame("g-old").play().forEach(event -> fake.append(topics.gameEvents(), "g-old", event));
    List<String> lines = new ArrayList<>();
    int[] polls = {0};

    long written = GameTail.follow(fake, topics, false, lines::add, () -> polls[0]++ >= 2, TIMEOUT);

    assertThat(written).isZero();
    assertThat(lines).isEmpty();
  }
}
