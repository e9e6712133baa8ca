package org.visionzero.ops.cli.options;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

/** The settings that the given flags override, read from the {@link ConfigKey} marks of the option fields. */
final class GivenFlags {

  private GivenFlags() {
  }

  /**
   * For each group of options in order (a command, a mixin or a {@link FlagSource}): every field marked
   * {@link ConfigKey} that was given (is not null) under its key, then what a {@code FlagSource} adds.
   */
  static Map<String, String> of(Object... optionGroups) {
    Map<String, String> flags = new HashMap<>();
    for (Object group : optionGroups) {
      for (Class<?> type = group.getClass(); type != Object.class; type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          ConfigKey key = field.getAnnotation(ConfigKey.class);
          Object value = key == null ? null : valueOf(field, group);
          if (value != null) {
            flags.put(key.value(), value.toString());
          }
        }
      }
      if (group instanceof FlagSource source) {
        source.addTo(flags);
      }
    }
    return flags;
  }

  private static Object valueOf(Field field, Object group) {
    try {
      field.setAccessible(true); // package-private option fields, set by picocli the same way
      return field.get(group);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read the option field " + field, e);
    }
  }
}
