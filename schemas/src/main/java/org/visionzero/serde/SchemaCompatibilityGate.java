package org.visionzero.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The build's schema gate: a current (reader) schema must read data written with every released version
 * of the same event. Run by a unit test, so an incompatible change fails {@code ./mvnw verify}.
 */
public final class SchemaCompatibilityGate {

  /** One reader/writer pair that cannot be read, with Avro's explanation. */
  public record Violation(String event, String release, String explanation) {
    @Override
    public String toString() {
      return event + " cannot read data written with release " + release + ": " + explanation;
    }
  }

  private SchemaCompatibilityGate() {}

  /** Checks the given current schemas against every release; an empty list means compatible. */
  public static List<Violation> check(List<Schema> currentSchemas, ReleasedSchemas released) {
    List<Violation> violations = new ArrayList<>();
    for (String release : released.releases()) {
      Map<String, Schema> writers = released.release(release);
      for (Schema reader : currentSchemas) {
        Schema writer = writers.get(reader.getFullName());
        if (writer == null) {
          continue;
        }
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
          violations.add(new Violation(reader.getFullName(), release, result.getResult().getIncompatibilities()
              .stream().map(i -> i.getType() + " at " + readable(reader, i.getLocation()) + ": " + i.getMessage())
              .toList().toString()));
        }
      }
    }
    return violations;
  }

  /** Turns Avro's JSON-pointer location (/fields/5/type) into field names (/sourceOffset/type). */
  static String readable(Schema reader, String location) {
    StringBuilder path = new StringBuilder();
    Schema schema = reader;
    String[] parts = location.split("/");
    for (int i = 1; i < parts.length; i++) {
      if ("fields".equals(parts[i]) && i + 1 < parts.length && schema != null
          && schema.getType() == Schema.Type.RECORD) {
        Schema.Field field = schema.getFields().get(Integer.parseInt(parts[++i]));
        path.append('/').append(field.name());
        schema = field.schema();
      } else {
        path.append('/').append(parts[i]);
        schema = null;
      }
    }
    return path.length() == 0 ? "/" : path.toString();
  }
}
