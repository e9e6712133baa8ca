package org.visionzero.logtools.rescore;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where {@code vz rescore} starts reading {@code game-events}: the beginning, a time (the first record at or
 * after it, per partition), or an offset per partition ({@code 0:120,3:98}; partitions not named start at
 * their beginning). Games whose start lies before the point are not re-derived and not compared.
 *
 * @param time    the time, or null
 * @param offsets offsets by partition (empty unless given)
 */
public record RescoreFrom(Instant time, Map<Integer, Long> offsets) {

  public RescoreFrom {
    offsets = Map.copyOf(Objects.requireNonNull(offsets, "offsets"));
  }

  public static RescoreFrom beginning() {
    return new RescoreFrom(null, Map.of());
  }

  public static RescoreFrom time(Instant time) {
    return new RescoreFrom(Objects.requireNonNull(time, "time"), Map.of());
  }

  public static RescoreFrom offsets(Map<Integer, Long> offsets) {
    return new RescoreFrom(null, offsets);
  }

  public boolean isBeginning() {
    return time == null && offsets.isEmpty();
  }

  /** Parses {@code beginning}, an ISO-8601 instant ({@code 2026-11-27T09:00:00Z}) or {@code p:offset,...}. */
  public static RescoreFrom parse(String text) {
    String value = Objects.requireNonNull(text, "text").strip();
    if (value.isEmpty() || value.equals("beginning")) {
      return beginning();
    }
    if (value.contains(":") && !value.contains("T")) {
      Map<Integer, Long> offsets = new TreeMap<>();
      for (String part : value.split(",")) {
        String[] pair = part.strip().split(":");
        try {
          if (pair.length != 2 || Integer.parseInt(pair[0]) < 0 || Long.parseLong(pair[1]) < 0) {
            throw new NumberFormatException(part);
          }
          offsets.put(Integer.parseInt(pair[0]), Long.parseLong(pair[1]));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--from '" + text + "': '" + part.strip() + "' is not "
              + "partition:offset with two non-negative numbers, e.g. 0:120,3:98");
        }
      }
      return offsets(offsets);
    }
    try {
      return time(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--from '" + text + "' is neither 'beginning', an ISO-8601 time such as "
          + "2026-11-27T09:00:00Z, nor partition:offset pairs such as 0:120,3:98");
    }
  }

  @Override
  public String toString() {
    return time != null ? time.toString() : offsets.isEmpty() ? "beginning" : offsets.toString();
  }
}
