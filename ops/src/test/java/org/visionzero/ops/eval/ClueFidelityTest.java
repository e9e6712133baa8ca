package org.visionzero.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.policy.scene.SceneObject;

class ClueFidelityTest {

  private static final List<SceneObject> IMAGE = List.of(
      new SceneObject(1, "cube", "red", "", "", 10, 10, 5),
      new SceneObject(2, "sphere", "blue", "", "", 30, 10, 5));

  @Test
  void shouldScoreOneWhenEveryMentionIsInTheImage() {
    assertThat(ClueFidelity.score("red cube left and blue sphere", IMAGE)).isEqualTo(1.0);
  }

  @Test
  void shouldScoreTheShareOfTrueMentions() {
    assertThat(ClueFidelity.score("red cube and green cylinder", IMAGE)).isEqualTo(0.5);
  }

  @Test
  void shouldScoreZeroWhenTheClueNamesNoObject() {
    assertThat(ClueFidelity.score("left right objects near", IMAGE)).isZero();
    assertThat(ClueFidelity.score("", IMAGE)).isZero();
  }

  @Test
  void shouldNotCountAColourAndShapeThatAreNotAdjacent() {
    assertThat(ClueFidelity.mentions("red left cube")).isEmpty();
    assertThat(ClueFidelity.mentions("RED Cube, blue sphere")).containsExactly("red cube", "blue sphere");
  }
}
