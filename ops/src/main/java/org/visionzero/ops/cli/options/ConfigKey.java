package org.visionzero.ops.cli.options;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The setting an option overrides when it is given: beside the {@code @Option}, so that a command lists each of
 * its flags once and {@link ConfigFileOption#load} maps them, instead of every command copying a put per flag.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ConfigKey {

  /** The configuration key, e.g. {@code run.steps}. */
  String value();
}
