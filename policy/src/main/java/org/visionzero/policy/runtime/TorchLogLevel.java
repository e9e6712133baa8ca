package org.visionzero.policy.runtime;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PyTorch's C++ log level. Its warnings go straight to the process's standard error, some at every call (on a
 * CPU without NNPACK, "Could not initialize NNPACK! Reason: Unsupported hardware." at every convolution: about
 * 14,000 lines in a 30-minute run). PyTorch reads {@code TORCH_CPP_LOG_LEVEL} only in {@code c10::initLogging},
 * which DJL never calls, so the level is set here, in the flag that c10 checks at every message: ERROR unless
 * {@code TORCH_CPP_LOG_LEVEL} asks for another level. Linux only (it finds the loaded libc10 in /proc); elsewhere it
 * does nothing.
 */
final class TorchLogLevel {
  static final String ENV = "TORCH_CPP_LOG_LEVEL";
  private static final Logger LOG = LoggerFactory.getLogger(TorchLogLevel.class);
  private static final String FLAG = "FLAGS_caffe2_log_level";
  private static final String LIBRARY = "libc10.so";
  private static final int ERROR = 2;

  private TorchLogLevel() {}

  /** Sets the level of the loaded libc10; call after the PyTorch engine has loaded. */
  static void apply() {
    int level = level(System.getenv(ENV));
    Optional<Path> library = loaded(Path.of("/proc/self/maps"));
    if (library.isEmpty()) {
      return;
    }
    try {
      NativeLibrary.getInstance(library.get().toString()).getGlobalVariableAddress(FLAG).setInt(0, level);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      LOG.debug("PyTorch's C++ log level stays as it is: {}", e.toString());
    }
  }

  /** INFO, WARNING, ERROR, FATAL or 0..3, as PyTorch reads it; ERROR when unset or unreadable. */
  static int level(String text) {
    if (text == null || text.isBlank()) {
      return ERROR;
    }
    return switch (text.trim().toUpperCase(Locale.ROOT)) {
      case "INFO", "0" -> 0;
      case "WARNING", "1" -> 1;
      case "ERROR", "2" -> 2;
      case "FATAL", "3" -> 3;
      default -> ERROR;
    };
  }

  /** The path of the loaded libc10, from a /proc maps file. */
  static Optional<Path> loaded(Path maps) {
    if (!Files.isReadable(maps)) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(maps)) {
      return lines.map(line -> line.substring(line.lastIndexOf(' ') + 1))
          .filter(path -> path.endsWith("/" + LIBRARY))
          .findFirst()
          .map(Path::of);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
