package org.visionzero.policy.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/** Chooses where the model runs: {@code auto} (a GPU when DJL finds one, else the CPU), {@code cpu} or {@code gpu}. */
public final class Devices {
  private Devices() {}

  public static Device choose(String choice) {
    DjlRuntime.init();
    String c = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
    int gpus = Engine.getInstance().getGpuCount();
    return switch (c) {
      case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
      case "cpu" -> Device.cpu();
      case "gpu" -> {
        if (gpus == 0) {
          throw new IllegalArgumentException(
              "--device gpu asked for, but DJL finds no GPU (is a CUDA build of pytorch-native on the classpath?)");
        }
        yield Device.gpu();
      }
      default -> throw new IllegalArgumentException("device must be auto, cpu or gpu, was '" + choice + "'");
    };
  }
}
