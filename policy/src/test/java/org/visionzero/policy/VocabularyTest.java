package org.visionzero.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private final Vocabulary vocabulary = Vocabulary.standard();

  @Test
  void shouldRoundTripSceneWordsThroughTokenIds() {
    List<Integer> ids = vocabulary.encode("Red cube, blue SPHERE");
    assertThat(ids).doesNotContain(Vocabulary.UNK_ID).hasSize(4);
    assertThat(vocabulary.decode(ids)).isEqualTo("red cube blue sphere");
  }

  @Test
  void shouldMapUnknownWordsToUnkWhenEncodingFreeText() {
    assertThat(vocabulary.encode("red spaceship")).containsExactly(vocabulary.id("red"), Vocabulary.UNK_ID);
  }

  @Test
  void shouldStopDecodingAtEndToken() {
    int red = vocabulary.id("red");
    assertThat(vocabulary.decode(List.of(Vocabulary.BOS_ID, red, Vocabulary.EOS_ID, red))).isEqualTo("red");
  }

  @Test
  void shouldRefuseUnknownWordWithClearMessage() {
    assertThatThrownBy(() -> vocabulary.id("spaceship")).hasMessageContaining("spaceship");
  }

  @Test
  void shouldHaveDifferentFingerprintWhenWordsDiffer() {
    Vocabulary other = Vocabulary.of(List.of("<pad>", "<bos>", "<eos>", "<unk>", "red"));
    assertThat(other.fingerprint()).isNotEqualTo(vocabulary.fingerprint());
    assertThat(Vocabulary.of(vocabulary.words()).fingerprint()).isEqualTo(vocabulary.fingerprint());
  }
}
