package org.visionzero.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Figures(String name, double rate, float loss, Double missing, List<Double> curve) {}

  @Test
  void shouldWriteNumbersThatAreNotFiniteAsNullInRecordsMapsAndTrees() {
    ObjectNode tree = Json.object();
    tree.put("nan", Double.NaN);
    tree.put("inf", Double.POSITIVE_INFINITY);
    tree.put("floatNan", Float.NaN);
    tree.put("ok", 0.25);

    assertThat(Json.write(tree)).isEqualTo("{\"nan\":null,\"inf\":null,\"floatNan\":null,\"ok\":0.25}");
    assertThat(Json.write(new Figures("a\"b", Double.NEGATIVE_INFINITY, Float.NaN, null,
        List.of(1.0, Double.NaN)))).isEqualTo(
        "{\"name\":\"a\\\"b\",\"rate\":null,\"loss\":null,\"missing\":null,\"curve\":[1.0,null]}");
    assertThat(Json.write(Map.of("x", Double.NaN))).isEqualTo("{\"x\":null}");
  }

  @Test
  void shouldEscapeHostileStringsAndRoundHalfUp() {
    ObjectNode tree = Json.object();
    tree.put("text", "line\nbreak \u2028 </script> `${x}` \u0001");

    assertThat(Json.write(tree)).isEqualTo("{\"text\":\"line\\nbreak \u2028 </script> `${x}` \\u0001\"}");
    assertThat(Json.round(0.12345, 4)).isEqualTo(0.1235);
    assertThat(Json.round(2.5, 0)).isEqualTo(3.0);
    assertThat(Json.round(Double.NaN, 2)).isNaN();
  }
}
