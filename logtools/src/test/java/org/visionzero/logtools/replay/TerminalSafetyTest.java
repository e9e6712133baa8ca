package org.visionzero.logtools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.events.GameEvent;
import org.visionzero.events.PolicyRef;
import org.visionzero.game.testing.GameLogs;
import org.visionzero.topics.TopicCatalog;

/**
 * Ids and policy names come from the log as much as clues do (a {@code GameRequested} names its pair and
 * policies): on a terminal they are shown, never obeyed, in the timeline, the game list and the live tail.
 */
class TerminalSafetyTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String GAME = "g-\u202Eevil\n2026-01-01T00:00:00Z  fake\u2028line\u001b[2J";
  private static final PolicyRef POLICY = new PolicyRef("vz\u2066\u2029", 0);
  private final TopicCatalog topics = TopicCatalog.defaults();
  private final FakeLog fake = FakeLog.of(topics);

  @Test
  void givenHostileIdsAndPolicyNames_whenShownOnATerminal_thenEscapedAndEveryEventStaysOneLine() throws Exception {
    List<GameEvent> log = GameLogs.codeGame(GAME).policies(POLICY, POLICY).play();
    log.forEach(event -> fake.append(topics.gameEvents(), GAME, event));

    String timeline = GameReplay.read(fake, topics, GAME, TIMEOUT).toText();
    String listed = GameIndex.list(fake, topics, GameFilter.all(), TIMEOUT).get(0).toLine();
    List<String> tailed = new ArrayList<>();
    GameTail.follow(fake, topics, true, tailed::add, () -> tailed.size() >= log.size(), TIMEOUT);

    assertThat(timeline).startsWith("game g-\\u202eevil\\n2026-01-01T00:00:00Z  fake\\u2028line\\u001b[2J  (");
    assertThat(timeline.lines()).hasSize(1 + log.size() + 1); // header, one line per event, "no trajectory"
    assertThat(timeline).contains("vz\\u2066\\u2029@0");
    assertThat(listed).contains("g-\\u202eevil\\n2026").contains("civ vz\\u2066\\u2029@0").doesNotContain("\n");
    assertThat(tailed).hasSize(log.size()).allMatch(line -> line.startsWith("g-\\u202eevil\\n2026"))
        .noneMatch(line -> line.contains("\n"));
    for (String text : List.of(timeline, listed, String.join("", tailed))) {
      assertThat(text).doesNotContain("\u202E", "\u2066", "\u2028", "\u2029", "\u001b");
    }
  }
}
