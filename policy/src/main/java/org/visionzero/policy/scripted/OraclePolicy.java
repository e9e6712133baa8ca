package org.visionzero.policy.scripted;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.view.TurnView;
import org.visionzero.game.view.VisibleClue;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Policy;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.Vote;
import org.visionzero.policy.VoteOptions;
import org.visionzero.policy.scene.SceneFacts;
import org.visionzero.policy.scene.SceneObject;

/**
 * The upper baseline, reading the scene graph instead of the image. Deterministic (log-probs 0).
 *
 * <ul>
 *   <li>Civilian clue: every object of the original image, "colour shape" in reading order.
 *   <li>Spy clue: only the objects that did not change, so nothing it says contradicts the original.
 *   <li>Vote: each seat's clues are checked against the original image; a seat scores one point per
 *       mentioned "colour shape" absent from the image and per object of the image it never mentioned.
 *       The vote goes to the single highest score; a tie or an all-zero board is N/A.
 * </ul>
 */
public final class OraclePolicy implements Policy {
  public static final String NAME = "oracle";

  private final Vocabulary vocabulary;

  public OraclePolicy(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Override
  public PolicyRef ref() {
    return new PolicyRef(NAME, 0);
  }

  @Override
  public List<ClueAnswer> clues(List<PolicyTurn> turns) {
    return ScriptedTurns.answerEach(turns, TurnKind.CLUE, (turn, view) -> {
      SceneFacts facts = requireFacts(turn);
      List<SceneObject> described = new ArrayList<>();
      for (SceneObject o : facts.original()) {
        if (view.role() != Role.SPY || !facts.changedObjectIds().contains(o.id())) {
          described.add(o);
        }
      }
      described.sort(SceneFacts.READING_ORDER);
      List<Integer> tokens = new ArrayList<>();
      for (SceneObject o : described) {
        tokens.add(vocabulary.id(o.color()));
        tokens.add(vocabulary.id(o.shape()));
      }
      tokens.add(Vocabulary.EOS_ID);
      return new ClueAnswer(vocabulary.decode(tokens), tokens, new float[tokens.size()], ref());
    });
  }

  @Override
  public List<DecisionAnswer> decisions(List<PolicyTurn> turns) {
    return ScriptedTurns.answerEach(turns, TurnKind.DECISION, (turn, view) -> {
      int option = suspect(view, requireFacts(turn));
      return new DecisionAnswer(ScriptedTurns.votes(view, () -> Vote.ofOption(option, 0f)), ref());
    });
  }

  private int suspect(TurnView view, SceneFacts facts) {
    Set<String> inImage = new HashSet<>();
    facts.original().forEach(o -> inImage.add(o.colorShape()));
    Map<Integer, Set<String>> mentioned = new HashMap<>();
    for (VisibleClue clue : view.history()) {
      mentioned.computeIfAbsent(clue.seat(), s -> new HashSet<>()).addAll(colorShapes(clue.text()));
    }
    int best = VoteOptions.ABSTAIN;
    int bestScore = 0;
    boolean tie = false;
    for (int seat = 1; seat <= view.numPlayers(); seat++) {
      if (seat == view.seat()) {
        continue;
      }
      Set<String> said = mentioned.getOrDefault(seat, Set.of());
      int score = 0;
      for (String s : said) {
        score += inImage.contains(s) ? 0 : 1;
      }
      for (String s : inImage) {
        score += said.contains(s) ? 0 : 1;
      }
      if (score > bestScore) {
        best = seat;
        bestScore = score;
        tie = false;
      } else if (score == bestScore && score > 0) {
        tie = true;
      }
    }
    return tie ? VoteOptions.ABSTAIN : best;
  }

  /** "colour shape" pairs in a clue text: a colour word directly followed by a shape word. */
  private List<String> colorShapes(String text) {
    List<Integer> ids = vocabulary.encode(text);
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < ids.size(); i++) {
      String first = vocabulary.word(ids.get(i));
      String second = vocabulary.word(ids.get(i + 1));
      if (Vocabulary.COLORS.contains(first) && Vocabulary.SHAPES.contains(second)) {
        pairs.add(first + " " + second);
      }
    }
    return pairs;
  }

  private static SceneFacts requireFacts(PolicyTurn turn) {
    if (turn.facts() == null) {
      throw new IllegalArgumentException("the oracle needs the scene graph (PolicyTurn.facts) for turn "
          + turn.view().gameId() + "/" + turn.view().turn());
    }
    return turn.facts();
  }
}
