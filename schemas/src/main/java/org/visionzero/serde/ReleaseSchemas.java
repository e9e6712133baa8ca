package org.visionzero.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.avro.Schema;

/**
 * Release tool: writes the current schemas as a new release under the schemas module's resources and
 * appends it to the index. Run it when cutting a release:
 * {@code java -cp schemas/target/classes:... org.visionzero.serde.ReleaseSchemas <release> schemas/src/main/resources},
 * then regenerate the fingerprint index ({@link SchemaFingerprints#REGENERATE_COMMAND}).
 */
public final class ReleaseSchemas {
  private ReleaseSchemas() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ReleaseSchemas <release-name> <resources-dir>");
      System.exit(2);
    }
    Path written = release(args[0], Path.of(args[1]));
    System.out.println("released schemas to " + written + "; now regenerate the fingerprint index: "
        + SchemaFingerprints.REGENERATE_COMMAND);
  }

  /** Writes one self-contained .avsc per event type and registers the release in index.txt. */
  public static Path release(String name, Path resourcesDir) throws IOException {
    if (!name.matches("[0-9A-Za-z._-]+")) {
      throw new IllegalArgumentException("release name '" + name + "' may only use letters, digits, . _ -");
    }
    Path root = resourcesDir.resolve(ReleasedSchemas.ROOT.substring(1));
    Path dir = root.resolve(name);
    if (Files.exists(dir)) {
      throw new IllegalArgumentException("release " + name + " exists already in " + dir + ": pick a new name");
    }
    Files.createDirectories(dir);
    for (Schema schema : EventTypes.currentSchemas()) {
      Files.writeString(dir.resolve(schema.getName() + ".avsc"), schema.toString(true) + "\n",
          StandardCharsets.UTF_8);
    }
    Files.writeString(root.resolve("index.txt"), name + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return dir;
  }
}
