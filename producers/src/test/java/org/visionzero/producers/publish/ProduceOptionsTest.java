package org.visionzero.producers.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProduceOptionsTest {

  @TempDir
  Path dir;

  @Test
  void shouldAskForADirectoryWhenTheSourceIsPhotos() {
    assertThatThrownBy(() -> new ProduceOptions(SourceKind.PHOTOS, Optional.empty(), 1, 0, 0, 128, 128, 0, 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--dir");
  }

  @Test
  void shouldRefuseADirectoryForAGeneratedSource() {
    assertThatThrownBy(() -> new ProduceOptions(SourceKind.SCENES, Optional.of(dir), 1, 0, 0, 128, 128, 0, 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only used with --source photos");
  }

  @Test
  void shouldRefuseANonPositiveCountAndANegativeRate() {
    assertThatThrownBy(() -> ProduceOptions.of(SourceKind.SCENES, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--count");
    assertThatThrownBy(() -> ProduceOptions.of(SourceKind.SCENES, 1, 0).withRate(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate");
  }

  @Test
  void shouldParseSourceNamesAndListTheChoicesOtherwise() {
    assertThat(SourceKind.parse(" Charts ")).isEqualTo(SourceKind.CHARTS);
    assertThatThrownBy(() -> SourceKind.parse("videos")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scenes, charts, photos");
  }

  @Test
  void shouldSummariseTheWorkDone() {
    Progress progress = new Progress(15, 30, 2, 12.5);

    assertThat(progress.share()).isEqualTo(0.5);
    assertThat(progress.summary()).isEqualTo("15/30 pairs  12.5 pairs/s  2 dead letters");
    assertThat(new Progress(0, 0, 0, 0).share()).isEqualTo(1.0);
  }
}
