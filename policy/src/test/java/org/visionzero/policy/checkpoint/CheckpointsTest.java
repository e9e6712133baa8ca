package org.visionzero.policy.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.ClueAnswer;
import org.visionzero.policy.DecisionAnswer;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.ModelPolicy;
import org.visionzero.policy.model.VzModel;
import org.visionzero.policy.testing.TestGames;

class CheckpointsTest {
  private final Vocabulary vocabulary = Vocabulary.standard();
  private final ModelConfig config = ModelConfig.standard(vocabulary.size());

  @Test
  void shouldGiveIdenticalOutputsAfterSaveAndLoad() {
    try (VzModel original = VzModel.create(config, vocabulary, 11, Device.cpu())) {
      original.setVersion(3);
      byte[] bytes = Checkpoints.save(original);
      try (VzModel loaded = Checkpoints.load(bytes, Checkpoints.sha256(bytes), Device.cpu())) {
        assertThat(loaded.version()).isEqualTo(3);
        assertSameAnswers(new ModelPolicy(original, false), new ModelPolicy(loaded, false));
      }
    }
  }

  @Test
  void shouldRefuseTamperedCheckpointAndKeepCurrentModel() {
    try (VzModel running = VzModel.create(config, vocabulary, 1, Device.cpu());
        VzModel other = VzModel.create(config, vocabulary, 2, Device.cpu())) {
      other.setVersion(7);
      byte[] bytes = Checkpoints.save(other);
      String sha = Checkpoints.sha256(bytes);
      byte[] tampered = bytes.clone();
      tampered[tampered.length - 5] ^= 0x01; // one bit of one weight
      List<ClueAnswer> before = new ModelPolicy(running, false).clues(TestGames.clueTurns(4));

      assertThatThrownBy(() -> Checkpoints.loadInto(running, tampered, sha))
          .isInstanceOf(CheckpointRejectedException.class)
          .hasMessageContaining("sha256");

      assertThat(running.version()).isZero();
      assertSameClues(before, new ModelPolicy(running, false).clues(TestGames.clueTurns(4)));
    }
  }

  @Test
  void shouldRefuseOtherArchitectureEvenWithMatchingHash() {
    ModelConfig smaller = new ModelConfig(64, 8, 16, 16, 128, 32, 8, 128, 32, 32, vocabulary.size(), 8, 4, 13, 128);
    try (VzModel running = VzModel.create(config, vocabulary, 1, Device.cpu());
        VzModel small = VzModel.create(smaller, vocabulary, 2, Device.cpu())) {
      byte[] bytes = Checkpoints.save(small);
      assertThatThrownBy(() -> Checkpoints.loadInto(running, bytes, Checkpoints.sha256(bytes)))
          .isInstanceOf(CheckpointRejectedException.class)
          .hasMessageContaining("architecture");
      assertThat(running.version()).isZero();
    }
  }

  @Test
  void shouldLoadIntoRunningModelAndKeepExtraSections() {
    try (VzModel running = VzModel.create(config, vocabulary, 1, Device.cpu());
        VzModel trained = VzModel.create(config, vocabulary, 5, Device.cpu())) {
      trained.setVersion(2);
      Map<String, byte[]> extras = new LinkedHashMap<>();
      extras.put("optimizer", new byte[] {1, 2, 3});
      extras.put("rae", "b_spy=0.1".getBytes(StandardCharsets.UTF_8));
      byte[] bytes = Checkpoints.save(trained, extras);

      Checkpoint loaded = Checkpoints.loadInto(running, bytes, Checkpoints.sha256(bytes));

      assertThat(running.version()).isEqualTo(2);
      assertThat(loaded.extras().keySet()).containsExactly("optimizer", "rae");
      assertThat(loaded.extras().get("optimizer")).containsExactly(1, 2, 3);
      assertSameAnswers(new ModelPolicy(trained, false), new ModelPolicy(running, false));
    }
  }

  @Test
  void shouldRefuseBytesThatAreNotACheckpoint() {
    byte[] junk = "not a checkpoint at all".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Checkpoints.decode(junk, Checkpoints.sha256(junk)))
        .isInstanceOf(CheckpointRejectedException.class)
        .hasMessageContaining("magic");
  }

  private static void assertSameAnswers(ModelPolicy a, ModelPolicy b) {
    assertSameClues(a.clues(TestGames.clueTurns(4)), b.clues(TestGames.clueTurns(4)));
    List<DecisionAnswer> da = a.decisions(TestGames.observerTurns(3, 8));
    List<DecisionAnswer> db = b.decisions(TestGames.observerTurns(3, 8));
    for (int i = 0; i < da.size(); i++) {
      for (int g = 0; g < 8; g++) {
        assertThat(db.get(i).samples().get(g).tokenIds()).isEqualTo(da.get(i).samples().get(g).tokenIds());
        assertThat(db.get(i).samples().get(g).logProbs()).containsExactly(da.get(i).samples().get(g).logProbs());
      }
    }
  }

  private static void assertSameClues(List<ClueAnswer> a, List<ClueAnswer> b) {
    assertThat(b).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).tokenIds()).isEqualTo(a.get(i).tokenIds());
      assertThat(b.get(i).logProbs()).containsExactly(a.get(i).logProbs());
    }
  }
}
