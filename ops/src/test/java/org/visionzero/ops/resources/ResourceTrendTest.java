package org.visionzero.ops.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTrendTest {
  private static final long MB = 1_000_000;

  @Test
  void shouldFitTheMemorySlopeOnlyOverSettledSelfPlay() {
    List<ResourceSample> samples = new ArrayList<>();
    // minutes 0..9 climb fast (not counted); from 10 on +2 MB a minute around a sawtooth of ±1 MB; then a final
    // evaluation that jumps by 500 MB (not counted either)
    for (int minute = 0; minute <= 20; minute++) {
      long rss = minute < 10 ? 100 * MB * minute : 2_000 * MB + 2 * MB * (minute - 10) + (minute % 2 == 0 ? MB : -MB);
      samples.add(new ResourceSample(minute, rss, 0, true));
    }
    samples.add(new ResourceSample(21, 2_520 * MB, 0, false));

    // least squares over minutes 10..20: the sawtooth of 11 points (+1 at even minutes, 10 and 20 included) tilts
    // the slope by sum(dx*e)/sum(dx^2) = 0/110; the fit is exactly 2 MB a minute
    assertThat(ResourceTrend.rssSlopeMbPerMinute(samples)).hasValueCloseTo(2.0, within(1e-9));
    assertThat(ResourceTrend.rssSlopeMbPerMinute(samples.subList(0, 11))).isEmpty(); // one settled sample
  }

  @Test
  void shouldCompareTheLastTenMinutesOfSelfPlayWithMinutesTenToTwenty() {
    List<ResourceSample> samples = new ArrayList<>();
    // 100 games a minute until minute 20, then 90; self-play ends at minute 35, evaluation games after it
    long games = 0;
    for (int minute = 0; minute <= 35; minute++) {
      samples.add(new ResourceSample(minute, MB, games, true));
      games += minute < 20 ? 100 : 90;
    }
    samples.add(new ResourceSample(41, MB, games + 5_000, false));

    assertThat(ResourceTrend.lateThroughputRatio(samples)).hasValueCloseTo(0.9, within(1e-12));
    // 29 minutes of self-play: the windows would overlap
    assertThat(ResourceTrend.lateThroughputRatio(samples.subList(0, 30))).isEmpty();
    assertThat(ResourceTrend.lateThroughputRatio(List.of())).isEmpty();
  }

  @Test
  void shouldInterpolateGamesBetweenSamples() {
    List<ResourceSample> samples = List.of(new ResourceSample(0.5, MB, 10, true),
        new ResourceSample(1.5, MB, 30, true), new ResourceSample(2.5, MB, 30, true));

    assertThat(ResourceTrend.gamesAt(samples, 0)).isEqualTo(10); // before the first sample
    assertThat(ResourceTrend.gamesAt(samples, 1.0)).isCloseTo(20, within(1e-12));
    assertThat(ResourceTrend.gamesAt(samples, 2.0)).isCloseTo(30, within(1e-12));
    assertThat(ResourceTrend.gamesAt(samples, 9)).isEqualTo(30); // after the last
  }

  @Test
  void shouldWriteNullForFiguresAShortRunCannotHave() {
    var json = ResourceFigures.of(List.of(new ResourceSample(0.016, 5 * MB, 0, true)));

    assertThat(json).containsEntry(ResourceFigures.RSS_SLOPE, null).containsEntry(ResourceFigures.LATE_THROUGHPUT, null);
    assertThat((List<?>) json.get(ResourceFigures.SAMPLES)).hasSize(1);
  }

  @Test
  void shouldSampleThisProcess() throws Exception {
    try (ResourceSampler sampler = ResourceSampler.start(java.time.Instant.now(), () -> 7, java.time.Duration.ofHours(1))) {
      sampler.selfPlayEnded();
      sampler.sampleNow();
      if (System.getProperty("os.name").startsWith("Linux")) {
        List<ResourceSample> samples = sampler.samples();
        assertThat(samples).hasSizeBetween(2, 3); // the start's own sample runs on its thread, before or after
        assertThat(samples.get(samples.size() - 1).selfPlay()).isFalse();
        assertThat(samples).filteredOn(ResourceSample::selfPlay).isNotEmpty(); // the one selfPlayEnded took
        assertThat(samples).allSatisfy(s -> {
          assertThat(s.rssBytes()).isGreaterThan(MB);
          assertThat(s.gamesCompleted()).isEqualTo(7);
        });
      }
    }
  }
}
