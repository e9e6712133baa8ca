package org.visionzero.policy.likelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.visionzero.events.PolicyRef;
import org.visionzero.events.Role;
import org.visionzero.events.TurnKind;
import org.visionzero.game.rules.SpyHints;
import org.visionzero.game.view.TurnView;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.PolicyTurn;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.checkpoint.Checkpoints;
import org.visionzero.policy.model.ModelPolicy;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestSceneDrawer;
import org.visionzero.policy.train.CaptionExample;

class CaptionLikelihoodTest {

  private static VzModel model;
  private final TestSceneDrawer drawer = new TestSceneDrawer();

  /** The committed test v0 (captions of {@link TestSceneDrawer} scenes), so that greedy clues end. */
  @BeforeAll
  static void loadModel() throws IOException {
    String resource = "/org/visionzero/policy/v0-testscenes.vzck";
    byte[] bytes = read(resource);
    String sha = new String(read(resource + ".sha256"), StandardCharsets.US_ASCII).trim();
    model = Checkpoints.load(bytes, sha, Device.cpu());
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = CaptionLikelihoodTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @Test
  void givenGreedyFirstClue_whenScored_thenEqualsTheLogProbsTheDecoderRecorded() {
    List<PolicyTurn> turns = new ArrayList<>();
    for (long seed = 0; seed < 4; seed++) {
      turns.add(new PolicyTurn(new TurnView("g" + seed, 0, 1, TurnKind.CLUE, 1, 1, Role.CIVILIAN, 4, null,
          SpyHints.SCENES, List.of(), List.of(), 1, 0f, seed, new PolicyRef("vz", 0)),
          drawer.next(seed).original(), null));
    }
    List<ClueAnswer> answers = new ModelPolicy(model, false).clues(turns);
    List<CaptionLikelihood.Query> queries = new ArrayList<>();
    List<Double> recorded = new ArrayList<>();
    for (int i = 0; i < turns.size(); i++) {
      ClueAnswer answer = answers.get(i);
      List<Integer> ids = answer.tokenIds();
      if (ids.size() < 2 || ids.get(ids.size() - 1) != Vocabulary.EOS_ID) {
        continue; // cut at the length limit or empty: not a complete caption
      }
      queries.add(new CaptionLikelihood.Query(turns.get(i).image(),
          Arrays.asList(answer.text().split(" "))));
      double sum = 0;
      for (float lp : answer.logProbs()) {
        sum += lp;
      }
      recorded.add(sum);
    }
    assertThat(queries).isNotEmpty();
    double[] scored = CaptionLikelihood.logLikelihoods(model, queries, CaptionLikelihood.DEFAULT_BATCH);
    for (int i = 0; i < scored.length; i++) {
      assertThat(scored[i]).isCloseTo(recorded.get(i), within(1e-3));
    }
  }

  @Test
  void givenAnyBatchSize_whenScored_thenTheSameFigures() {
    List<CaptionLikelihood.Query> queries = new ArrayList<>();
    for (long seed = 0; seed < 5; seed++) {
      CaptionExample pair = drawer.next(seed);
      queries.add(new CaptionLikelihood.Query(pair.original(), pair.facts().captionWords(false)));
      queries.add(new CaptionLikelihood.Query(null, pair.facts().captionWords(true)));
    }
    double[] oneByOne = CaptionLikelihood.logLikelihoods(model, queries, 1);
    double[] together = CaptionLikelihood.logLikelihoods(model, queries, 64);
    double[] inThrees = CaptionLikelihood.logLikelihoods(model, queries, 3);
    assertThat(together).containsExactly(oneByOne, within(1e-4));
    assertThat(inThrees).containsExactly(oneByOne, within(1e-4));
    assertThat(Arrays.stream(oneByOne).max().orElseThrow()).isNegative();
  }

  @Test
  void givenAWordOutsideTheVocabulary_whenScored_thenRefusedByName() {
    List<CaptionLikelihood.Query> queries = List.of(new CaptionLikelihood.Query(null, List.of("red", "banana")));
    assertThatThrownBy(() -> CaptionLikelihood.logLikelihoods(model, queries, 8))
        .hasMessageContaining("banana");
  }

  @Test
  void givenACaptionLongerThanAClue_whenScored_thenRefusedNotCut() {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < model.config().maxClueTokens(); i++) {
      words.add("red");
    }
    List<CaptionLikelihood.Query> queries = List.of(new CaptionLikelihood.Query(null, words));
    assertThatThrownBy(() -> CaptionLikelihood.logLikelihoods(model, queries, 8))
        .hasMessageContaining("at most " + (model.config().maxClueTokens() - 1));
  }
}
