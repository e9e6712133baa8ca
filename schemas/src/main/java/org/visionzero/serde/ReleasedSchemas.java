package org.visionzero.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The schemas of every released version of every event type, shipped inside this jar under
 * {@value #ROOT}: {@code index.txt} lists the releases oldest first, and each release directory holds one
 * self-contained {@code <EventName>.avsc} per top-level event.
 *
 * <p>They serve two purposes: the serde's {@code SchemaStore} knows every writer schema that may appear on
 * a topic (so records of older producers decode), and the build's compatibility gate checks that the
 * current schemas can read all of them.
 */
public final class ReleasedSchemas {
  public static final String ROOT = "/org/visionzero/schemas/released/";

  private final Map<String, Map<String, Schema>> byRelease;

  private ReleasedSchemas(Map<String, Map<String, Schema>> byRelease) {
    this.byRelease = byRelease;
  }

  /** Loads the releases bundled on the classpath. */
  public static ReleasedSchemas bundled() {
    Map<String, Map<String, Schema>> releases = new LinkedHashMap<>();
    for (String release : readLines(ROOT + "index.txt")) {
      Map<String, Schema> schemas = new LinkedHashMap<>();
      for (Schema current : EventTypes.currentSchemas()) {
        String resource = ROOT + release + "/" + current.getName() + ".avsc";
        String text = readOptional(resource);
        if (text != null) {
          schemas.put(current.getFullName(), new Schema.Parser().parse(text));
        }
      }
      releases.put(release, Collections.unmodifiableMap(schemas));
    }
    return new ReleasedSchemas(Collections.unmodifiableMap(releases));
  }

  /** Release names, oldest first. */
  public List<String> releases() {
    return List.copyOf(byRelease.keySet());
  }

  /** The schemas of one release by full name. */
  public Map<String, Schema> release(String name) {
    Map<String, Schema> schemas = byRelease.get(name);
    if (schemas == null) {
      throw new IllegalArgumentException("no released schemas named '" + name + "'; known: " + releases());
    }
    return schemas;
  }

  /** Every released writer schema of one event type (by full name), oldest first. */
  public List<Schema> versionsOf(String fullName) {
    List<Schema> versions = new ArrayList<>();
    for (Map<String, Schema> release : byRelease.values()) {
      Schema schema = release.get(fullName);
      if (schema != null && !versions.contains(schema)) {
        versions.add(schema);
      }
    }
    return versions;
  }

  private static List<String> readLines(String resource) {
    String text = readOptional(resource);
    if (text == null) {
      throw new IllegalStateException("missing " + resource + ": the schemas jar is incomplete");
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        lines.add(trimmed);
      }
    }
    return lines;
  }

  private static String readOptional(String resource) {
    try (InputStream in = ReleasedSchemas.class.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
