package org.visionzero.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.visionzero.events.DeadLetter;

class SchemaCompatibilityGateTest {

  @Test
  void currentSchemasShouldReadEveryReleasedVersion() {
    ReleasedSchemas released = ReleasedSchemas.bundled();
    assertThat(released.releases()).isNotEmpty();

    List<SchemaCompatibilityGate.Violation> violations =
        SchemaCompatibilityGate.check(EventTypes.currentSchemas(), released);

    assertThat(violations)
        .as("a schema change broke compatibility with a released version: add new fields with defaults, never"
            + " remove or retype a field, and never rename without an alias")
        .isEmpty();
  }

  @Test
  void everyEventTypeShouldBeReleased() {
    ReleasedSchemas released = ReleasedSchemas.bundled();
    for (Schema current : EventTypes.currentSchemas()) {
      assertThat(released.versionsOf(current.getFullName())).as(current.getName()).isNotEmpty();
    }
  }

  @Test
  void shouldFailWhenAFieldWithoutDefaultIsAdded() {
    Schema broken = withExtraRequiredField(DeadLetter.getClassSchema());
    List<Schema> candidates = new ArrayList<>(EventTypes.currentSchemas());
    candidates.replaceAll(s -> s.getFullName().equals(broken.getFullName()) ? broken : s);

    List<SchemaCompatibilityGate.Violation> violations =
        SchemaCompatibilityGate.check(candidates, ReleasedSchemas.bundled());

    assertThat(violations).isNotEmpty();
    assertThat(violations.get(0).event()).isEqualTo("org.visionzero.events.DeadLetter");
    assertThat(violations.get(0).toString()).contains("severity");
  }

  @Test
  void shouldFailWhenAFieldIsRetyped() {
    String json = DeadLetter.getClassSchema().toString().replace(
        "{\"name\":\"sourceOffset\",\"type\":\"long\"", "{\"name\":\"sourceOffset\",\"type\":\"string\"");
    Schema retyped = new Schema.Parser().parse(json);
    List<Schema> candidates = new ArrayList<>(EventTypes.currentSchemas());
    candidates.replaceAll(s -> s.getFullName().equals(retyped.getFullName()) ? retyped : s);

    assertThat(SchemaCompatibilityGate.check(candidates, ReleasedSchemas.bundled()))
        .anySatisfy(v -> assertThat(v.explanation()).contains("sourceOffset"));
  }

  private static Schema withExtraRequiredField(Schema schema) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(new Schema.Field("severity", Schema.create(Schema.Type.STRING), "required, no default"));
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }
}
