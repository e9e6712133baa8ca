package org.visionzero.policy.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SceneFactsTest {
  static final String JSON = SceneFactsTestData.JSON;

  @Test
  void shouldParseContractAndCaptionLeftToRight() {
    SceneFacts facts = SceneFacts.parse(JSON);
    assertThat(facts.width()).isEqualTo(128);
    assertThat(facts.changedObjectIds()).containsExactlyInAnyOrder(0, 1);
    assertThat(facts.captionWords(false)).containsExactly("blue", "sphere", "gray", "cylinder", "red", "cube");
    assertThat(facts.captionWords(true)).containsExactly("yellow", "cube", "gray", "cylinder", "green", "sphere");
  }

  @Test
  void shouldNameMissingFieldWhenSceneGraphIsIncomplete() {
    assertThatThrownBy(() -> SceneFacts.parse("{\"width\":128,\"height\":128}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("original");
  }

  @Test
  void shouldRefuseInvalidJson() {
    assertThatThrownBy(() -> SceneFacts.parse("{not json")).hasMessageContaining("not valid JSON");
  }
}
