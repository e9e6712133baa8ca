package org.visionzero.ops.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong();

  @Test
  void givenALog_whenUpdatedOftenThenFinished_thenOneLineAnIntervalAndTheLastLineAlways() {
    ConsoleProgress progress = new ConsoleProgress(out, false, Duration.ofSeconds(15), clock::get);

    progress.update("a");
    clock.addAndGet(Duration.ofSeconds(10).toNanos());
    progress.update("b");
    clock.addAndGet(Duration.ofSeconds(6).toNanos());
    progress.update("c");
    progress.finish("done");

    assertThat(text()).isEqualTo("a\nc\ndone\n");
  }

  @Test
  void givenATerminal_whenUpdated_thenTheLineIsRedrawnInPlaceAndAMessageStartsItsOwnLine() {
    ConsoleProgress progress = new ConsoleProgress(out, true, Duration.ofSeconds(15), clock::get);

    progress.update("step 1");
    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    progress.update("step 2");
    progress.message("published v1");
    progress.finish("done");

    assertThat(text()).isEqualTo("\rstep 1\u001b[K\rstep 2\u001b[K\npublished v1\n\rdone\u001b[K\n");
  }

  @Test
  void shouldDrawBarsAndTimes() {
    assertThat(ConsoleProgress.bar(0.45)).isEqualTo("[#########-----------]  45%");
    assertThat(ConsoleProgress.bar(Double.NaN)).isEqualTo("[--------------------]   0%");
    assertThat(ConsoleProgress.bar(2)).isEqualTo("[####################] 100%");
    assertThat(ConsoleProgress.time(Duration.ofSeconds(245))).isEqualTo("4m05s");
    assertThat(ConsoleProgress.time(Duration.ofMinutes(62))).isEqualTo("1h02m");
    assertThat(ConsoleProgress.time(Duration.ofSeconds(-3))).isEqualTo("0s");
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
