package org.visionzero.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessUsageTest {

  @Test
  void shouldReadThePeakResidentSizeInBytesFromTheKernelsStatusLines() {
    List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  123456 kB", "VmRSS:\t 100 kB");

    assertThat(ProcessUsage.peakResidentBytes(status)).hasValue(123456L * 1024);
    assertThat(ProcessUsage.peakResidentBytes(List.of("Name:\tjava"))).isEqualTo(OptionalLong.empty());
    assertThat(ProcessUsage.peakResidentBytes(List.of("VmHWM:\t lots kB"))).isEqualTo(OptionalLong.empty());
    assertThat(ProcessUsage.residentBytes(status)).hasValue(100L * 1024);
    assertThat(ProcessUsage.residentBytes(List.of("VmHWM:\t  123456 kB"))).isEqualTo(OptionalLong.empty());
  }

  @Test
  void shouldSeeThisProcessUseCpuAndMemory() {
    long before = ProcessUsage.cpuNanos();
    long wallStart = System.nanoTime();
    double sink = 0;
    for (int i = 0; i < 5_000_000; i++) {
      sink += Math.sqrt(i);
    }
    long wall = System.nanoTime() - wallStart;

    assertThat(sink).isPositive();
    assertThat(ProcessUsage.coresUsed(before, ProcessUsage.cpuNanos(), wall)).isPositive();
    assertThat(ProcessUsage.coresUsed(0, 10, 0)).isZero();
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertThat(ProcessUsage.peakResidentBytes()).isPresent();
      assertThat(ProcessUsage.peakResidentBytes().getAsLong()).isGreaterThan(1024L * 1024);
      assertThat(ProcessUsage.residentBytes().getAsLong()).isBetween(1024L * 1024,
          ProcessUsage.peakResidentBytes().getAsLong());
    }
  }
}
