package org.visionzero.ops.serve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.visionzero.events.PolicyRef;
import org.visionzero.policy.remote.RemoteSettings;

/**
 * The {@code model} names vz serve answers to: {@code <policy>-v<version>} for a version (the remote backend's
 * default template {@value RemoteSettings#DEFAULT_MODEL_TEMPLATE}), or the bare {@code <policy>} for its current one.
 */
public final class ModelName {
  private static final Pattern VERSIONED = Pattern.compile("^([A-Za-z0-9._]+(?:-[A-Za-z0-9._]+)*?)-v(\\d{1,9})$");
  private static final Pattern BARE = Pattern.compile("^[A-Za-z0-9._-]+$");

  private ModelName() {}

  public static String of(PolicyRef ref) {
    return ref.getName() + "-v" + ref.getVersion();
  }

  /** The name that asks for {@code ref}: {@link #of} for a version, the bare name for the current one. */
  public static String requested(PolicyRef ref) {
    return ref.getVersion() < 0 ? ref.getName() : of(ref);
  }

  /** The version a name asks for (version -1: the current one). */
  public static PolicyRef parse(String model) {
    Matcher versioned = VERSIONED.matcher(model);
    if (versioned.matches()) {
      return new PolicyRef(versioned.group(1), Integer.parseInt(versioned.group(2)));
    }
    if (BARE.matcher(model).matches()) {
      return new PolicyRef(model, -1);
    }
    throw new IllegalArgumentException("model '" + model + "' is not '<policy>-v<version>' or '<policy>'");
  }
}
