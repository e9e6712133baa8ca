package org.visionzero.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.visionzero.scene.SceneGraphJson.Scene;
import org.visionzero.scene.SceneGraphJson.SceneObject;

class SceneGraphJsonTest {
  private static final SceneGraphJson GRAPH = new SceneGraphJson(128, 96,
      new Scene(List.of(new SceneObject(1, "cube", "red", "large", "metal", 10.04, 20.06, 7.25))),
      new Scene(List.of(new SceneObject(1, "sphere", "blue", "large", "metal", 10.04, 20.06, 7.25))), List.of(1));

  @Test
  void shouldWriteTheContractToOneDecimalAndReadItBack() {
    String json = GRAPH.toJson();

    assertThat(json).isEqualTo("{\"width\":128,\"height\":96,\"original\":{\"objects\":[{\"id\":1,\"shape\":\"cube\","
        + "\"color\":\"red\",\"size\":\"large\",\"material\":\"metal\",\"x\":10.0,\"y\":20.1,\"radius\":7.3}]},"
        + "\"modified\":{\"objects\":[{\"id\":1,\"shape\":\"sphere\",\"color\":\"blue\",\"size\":\"large\","
        + "\"material\":\"metal\",\"x\":10.0,\"y\":20.1,\"radius\":7.3}]},\"changedObjectIds\":[1]}");
    SceneGraphJson back = SceneGraphJson.parse(json);
    assertThat(back.width()).isEqualTo(128);
    assertThat(back.modified().objects().get(0).shape()).isEqualTo("sphere");
    assertThat(back.original().objects().get(0).y()).isEqualTo(20.1);
    assertThat(back.changedObjectIds()).containsExactly(1);
  }

  @Test
  void shouldNameWhatIsMissingOrWrong() {
    assertThatThrownBy(() -> SceneGraphJson.parse(" ")).hasMessage("scene graph JSON is empty");
    assertThatThrownBy(() -> SceneGraphJson.parse("{not json")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> SceneGraphJson.parse("{\"width\":1,\"height\":1}"))
        .hasMessage("scene graph lacks field 'original'");
    assertThatThrownBy(() -> SceneGraphJson.parse("{\"width\":\"wide\",\"height\":1}"))
        .hasMessageContaining("field 'width' must be a number");
    assertThatThrownBy(() -> SceneGraphJson.parse(
        "{\"width\":1,\"height\":1,\"original\":{\"objects\":3},\"modified\":{\"objects\":[]}}"))
        .hasMessage("scene graph field 'original.objects' must be an array");
  }
}
