package org.visionzero.process;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * What this process has used, as the operating system counts it: CPU time over all threads, and the peak
 * resident memory (heap, native libraries such as libtorch, thread stacks: what the machine had to give).
 */
public final class ProcessUsage {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final String PEAK_RESIDENT = "VmHWM:";
  private static final String RESIDENT = "VmRSS:";
  private static final long KIB = 1024;

  private ProcessUsage() {
  }

  /** CPU time of every thread of the process so far, in nanoseconds. */
  public static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Cores kept busy on average between two {@link #cpuNanos()} readings {@code wallNanos} apart. */
  public static double coresUsed(long cpuNanosBefore, long cpuNanosAfter, long wallNanos) {
    return wallNanos <= 0 ? 0 : (double) (cpuNanosAfter - cpuNanosBefore) / wallNanos;
  }

  /** The peak resident set size so far ({@code VmHWM}); empty where the system does not report it. */
  public static OptionalLong peakResidentBytes() {
    try {
      return peakResidentBytes(Files.readAllLines(STATUS));
    } catch (IOException | UnsupportedOperationException e) {
      return OptionalLong.empty();
    }
  }

  /** The resident set size now ({@code VmRSS}); empty where the system does not report it. */
  public static OptionalLong residentBytes() {
    try {
      return residentBytes(Files.readAllLines(STATUS));
    } catch (IOException | UnsupportedOperationException e) {
      return OptionalLong.empty();
    }
  }

  static OptionalLong peakResidentBytes(List<String> statusLines) {
    return kilobytesField(statusLines, PEAK_RESIDENT);
  }

  static OptionalLong residentBytes(List<String> statusLines) {
    return kilobytesField(statusLines, RESIDENT);
  }

  private static OptionalLong kilobytesField(List<String> statusLines, String key) {
    for (String line : statusLines) {
      if (line.startsWith(key)) {
        String[] parts = line.substring(key.length()).trim().split("\\s+");
        try {
          return OptionalLong.of(Long.parseLong(parts[0]) * KIB); // the kernel reports kB
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }
}
