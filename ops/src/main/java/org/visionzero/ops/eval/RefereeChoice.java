package org.visionzero.ops.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixed referee of the clue-skill games, chosen once: the configured version, else the one kept in the
 * referee file by an earlier start, else the first version whose decision accuracy on v0's clues reaches the
 * threshold over enough samples (or the version of a final evaluation, when none did). A chosen referee is written
 * to the referee file, so a resumed run keeps it. Not thread-safe: the evaluator guards it.
 */
final class RefereeChoice {

  private static final Logger LOG = LoggerFactory.getLogger(RefereeChoice.class);

  private final double threshold;
  private final int minSamples;
  private final Optional<Path> file;
  private OptionalInt referee;

  /** @throws IllegalStateException when the referee file exists but does not hold a version */
  RefereeChoice(EvaluatorSettings settings) {
    this.threshold = settings.refereeThreshold();
    this.minSamples = settings.refereeMinSamples();
    this.file = settings.refereeFile();
    this.referee = settings.fixedReferee().isPresent() ? settings.fixedReferee() : read(file);
  }

  OptionalInt current() {
    return referee;
  }

  /** Chooses the first version (in the given order) that qualifies, unless a referee is chosen already. */
  void chooseFrom(List<VersionResult> results) {
    if (referee.isPresent()) {
      return;
    }
    for (VersionResult result : results) {
      if (result.decisionAccuracy().trials() >= minSamples && result.decisionAccuracy().rate() >= threshold) {
        fix(result.version(), "decision accuracy " + result.decisionAccuracy().rate() + " on v0 clues");
        return;
      }
    }
  }

  /** Makes {@code version} the referee unless one is chosen already (a final evaluation always has one). */
  void chooseIfNone(int version, String why) {
    if (referee.isEmpty()) {
      fix(version, why);
    }
  }

  private void fix(int version, String why) {
    referee = OptionalInt.of(version);
    LOG.info("fixed referee of the clue-skill games: version {} ({})", version, why);
    file.ifPresent(path -> {
      try {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, Integer.toString(version), StandardCharsets.UTF_8);
      } catch (IOException e) {
        // The choice still holds for this run; only a restart would choose again.
        LOG.warn("could not keep the referee choice in {}: {}", path, e.getMessage());
      }
    });
  }

  private static OptionalInt read(Optional<Path> file) {
    return file.filter(Files::isRegularFile).map(path -> {
      try {
        return OptionalInt.of(Integer.parseInt(Files.readString(path, StandardCharsets.UTF_8).trim()));
      } catch (IOException | NumberFormatException e) {
        throw new IllegalStateException("the referee file " + path + " is unreadable (" + e.getMessage()
            + "): delete it to let the evaluator choose again", e);
      }
    }).orElse(OptionalInt.empty());
  }
}
