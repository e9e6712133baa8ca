package org.visionzero.ops.progress;

import java.util.Locale;
import org.visionzero.policy.train.ProgressListener;

/** Pretraining's progress on the console: share done, step, caption loss (the figure being learnt), time left. */
public final class PretrainProgress {
  private PretrainProgress() {}

  public static ProgressListener on(ConsoleProgress console) {
    return (done, step, loss, elapsed) -> {
      String line = String.format(Locale.ROOT, "pretraining v0 %s  step %d  caption loss %.4f  %s left",
          ConsoleProgress.bar(done), step, loss, ConsoleProgress.left(done, elapsed));
      if (done >= 1.0) {
        console.finish(line);
      } else {
        console.update(line);
      }
    };
  }
}
