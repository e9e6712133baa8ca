package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.ops.run.SceneCaptionSource;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vote;
import org.visionzero.policy.VoteOptions;

/**
 * The clue seats of {@code vz eval --policy-url} with scripted players: a referee that names the one seat whose
 * clue differs from every other (N/A when none does), so who wins follows from who said what.
 */
class RemoteClueEvaluationTest {
  private static final int GAMES = 5;
  private static final SceneCaptionSource SCENES = new SceneCaptionSource(64);

  /** Says {@code civilian} as a civilian and {@code spy} as the spy. */
  private record Speaker(String name, String civilian, String spy) implements Policy {
    @Override
    public PolicyRef ref() {
      return new PolicyRef(name, 3);
    }

    @Override
    public List<ClueAnswer> clues(List<PolicyTurn> turns) {
      return turns.stream().map(t -> new ClueAnswer(t.view().role() == Role.SPY ? spy : civilian, List.of(),
          new float[0], ref())).toList();
    }

    @Override
    public List<DecisionAnswer> decisions(List<PolicyTurn> turns) {
      throw new UnsupportedOperationException("a speaker gives clues only");
    }
  }

  /** Votes G times for the seat whose first-round clue no other seat gave; N/A when there is none or several. */
  private static final class OddOneOut implements Policy {
    @Override
    public PolicyRef ref() {
      return new PolicyRef("referee", 9);
    }

    @Override
    public List<ClueAnswer> clues(List<PolicyTurn> turns) {
      throw new UnsupportedOperationException("a referee decides only");
    }

    @Override
    public List<DecisionAnswer> decisions(List<PolicyTurn> turns) {
      List<DecisionAnswer> answers = new ArrayList<>();
      for (PolicyTurn turn : turns) {
        List<VisibleClue> first = turn.view().history().stream().filter(c -> c.round() == 1).toList();
        Map<String, Long> counts = first.stream().collect(Collectors.groupingBy(VisibleClue::text,
            Collectors.counting()));
        List<Integer> odd = first.stream().filter(c -> counts.get(c.text()) == 1).map(VisibleClue::seat).toList();
        int option = odd.size() == 1 ? odd.get(0) : VoteOptions.ABSTAIN;
        answers.add(new DecisionAnswer(Collections.nCopies(turn.view().samples(), Vote.ofOption(option, -0.1f)),
            ref()));
      }
      return answers;
    }
  }

  private final Policy checkpoint = new Speaker("vz", "red cube", "blue ball");
  private final Policy referee = new OddOneOut();

  @Test
  void givenARemoteSpyThatBlendsIn_thenItWinsWhereTheCheckpointsSpyIsCaught() {
    Policy remote = new Speaker("remote", "unused", "red cube");

    RemoteClueEvaluation.Result result = RemoteClueEvaluation.run(checkpoint, remote, "remote-model", referee,
        RemoteSeat.SPY, SCENES, 77L, GAMES);

    assertThat(result.remoteFigures().wins()).isEqualTo(new Proportion(GAMES, GAMES));
    assertThat(result.remoteFigures().refereeNaRate().rate()).isEqualTo(1.0);
    assertThat(result.checkpointFigures().wins()).isEqualTo(new Proportion(0, GAMES));
    assertThat(result.checkpointFigures().refereeAccuracy())
        .isEqualTo(new Proportion(GAMES * RemoteDecisionEvaluation.SAMPLES, GAMES * RemoteDecisionEvaluation.SAMPLES));
    assertThat(result.checkpointFigures().refereeAccuracyPerGame().value()).isEqualTo(1.0);
    assertThat(result.toJson()).contains("\"seat\" : \"spy\"").contains("\"remoteSeat\"")
        .contains("winRateFixedReferee").doesNotContain("clueFidelity");
  }

  @Test
  void givenRemoteCiviliansWhoSayWhatTheSpySays_thenTheyLoseWhereTheCheckpointsCiviliansWin() {
    Policy remote = new Speaker("remote", "blue ball", "unused");

    RemoteClueEvaluation.Result result = RemoteClueEvaluation.run(checkpoint, remote, "remote-model", referee,
        RemoteSeat.CIVILIANS, SCENES, 77L, GAMES);

    assertThat(result.remoteFigures().wins()).isEqualTo(new Proportion(0, GAMES));
    assertThat(result.checkpointFigures().wins()).isEqualTo(new Proportion(GAMES, GAMES));
    assertThat(result.remoteFigures().civilianClueFidelity().count()).isEqualTo(GAMES * 3L * 2);
    assertThat(result.referee()).isEqualTo("referee-v9");
    assertThat(result.toJson()).contains("\"seat\" : \"civilians\"").contains("clueFidelity");
  }

  @Test
  void givenTheCheckpointItselfAsTheRemote_thenBothSidesScoreAlike() {
    RemoteClueEvaluation.Result result = RemoteClueEvaluation.run(checkpoint, checkpoint, "vz-v3", referee,
        RemoteSeat.SPY, SCENES, 77L, GAMES);

    assertThat(result.remoteFigures()).isEqualTo(result.checkpointFigures());
  }
}
