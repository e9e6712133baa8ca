package org.visionzero.game.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.events.Outcome;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Purpose;
import org.visionzero.events.Role;
import org.visionzero.events.SampledTokens;
import org.visionzero.events.ScoredClue;
import org.visionzero.events.ScoredTrajectory;
import org.visionzero.events.Winner;

class ClueRepeatsTest {
  private static final PolicyRef V0 = new PolicyRef("vz", 0);

  @Test
  void shouldTellARepeatOfTheLatestOtherSeatFromARepeatOfAnEarlierOne() {
    List<ScoredClue> clues = List.of(clue(1, 1, "red cube"), clue(2, 1, "blue ball"), clue(3, 1, "red cube"),
        clue(4, 1, "red cube "));

    assertThat(ClueRepeats.repeatsLatestOtherSeat(clues.get(2), clues)).isFalse(); // latest other is "blue ball"
    assertThat(ClueRepeats.repeatsEarlierOtherSeat(clues.get(2), clues)).isTrue(); // seat 1 said it first
    assertThat(ClueRepeats.repeatsLatestOtherSeat(clues.get(3), clues)).isTrue(); // trailing space ignored
    assertThat(ClueRepeats.repeatsEarlierOtherSeat(clues.get(0), clues)).isFalse(); // nothing before it
  }

  @Test
  void shouldNotCountASeatRepeatingItselfOrALaterClue() {
    List<ScoredClue> clues = List.of(clue(1, 1, "red cube"), clue(2, 1, "blue ball"), clue(1, 2, "red cube"),
        clue(2, 2, "green cone"), clue(1, 3, "green cone"));

    assertThat(ClueRepeats.repeatsEarlierOtherSeat(clues.get(2), clues)).isFalse(); // its own round-1 clue
    assertThat(ClueRepeats.repeatsEarlierOtherSeat(clues.get(1), clues)).isFalse();
    assertThat(ClueRepeats.repeatsEarlierOtherSeat(clues.get(4), clues)).isTrue(); // seat 2 in round 2
  }

  @Test
  void shouldFindASpyThatOnlyRepeatedOthers() {
    // Spy at seat 2 repeats seat 1 in round 1 and seat 4 of round 1 in round 2.
    ScoredTrajectory hiding = game(2, List.of("red cube", "red cube", "blue ball", "green cone",
        "red cube", "green cone", "blue ball", "green cone"));
    // Same, but the spy's round-2 clue is its own.
    ScoredTrajectory halfHiding = game(2, List.of("red cube", "red cube", "blue ball", "green cone",
        "red cube", "yellow cube", "blue ball", "green cone"));
    // The spy speaks first in round 1, so that clue cannot be a repeat.
    ScoredTrajectory firstSpeaker = game(1, List.of("red cube", "red cube", "blue ball", "green cone",
        "green cone", "red cube", "blue ball", "green cone"));

    assertThat(ClueRepeats.spyOnlyRepeated(hiding)).isTrue();
    assertThat(ClueRepeats.spyOnlyRepeated(halfHiding)).isFalse();
    assertThat(ClueRepeats.spyOnlyRepeated(firstSpeaker)).isFalse();
  }

  @Test
  void shouldNotCallASilentSpyARepeater() {
    ScoredTrajectory noClues = game(2, List.of());

    assertThat(ClueRepeats.spyOnlyRepeated(noClues)).isFalse();
  }

  /** Four players, texts in speaking order (round 1 seats 1..4, then round 2). */
  private static ScoredTrajectory game(int spySeat, List<String> texts) {
    List<ScoredClue> clues = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      int seat = i % 4 + 1;
      ScoredClue c = clue(seat, i / 4 + 1, texts.get(i));
      c.setRole(seat == spySeat ? Role.SPY : Role.CIVILIAN);
      clues.add(c);
    }
    return ScoredTrajectory.newBuilder()
        .setEventId("g/scored").setOccurredAt(java.time.Instant.ofEpochMilli(1)).setGameId("g").setPairId("p")
        .setPurpose(Purpose.TRAINING).setMode("code").setNumPlayers(4).setSpySeat(spySeat)
        .setCivilianPolicy(V0).setSpyPolicy(V0).setDecisionPolicy(V0).setClueRewards(List.of(0.0, 0.0, 0.0, 0.0))
        .setClues(clues).setDecisions(List.of())
        .setOutcome(new Outcome(spySeat, List.of(0, 0, 0, 0), 0, 0, 0, Winner.SPY, 0.0))
        .setTags(Map.of()).build();
  }

  private static ScoredClue clue(int seat, int round, String text) {
    return new ScoredClue(seat, round, Role.CIVILIAN, text, new SampledTokens(List.of(), List.of()), V0, 0.0);
  }
}
