package org.visionzero.workers.device;

import java.util.Locale;

/** The {@code --device} option: where a worker runs its model. */
public enum DeviceChoice {
  /** Every GPU (one worker each) when there is one, else the CPU. */
  AUTO,
  CPU,
  /** Every GPU, one worker each; refuses to start without a GPU. */
  GPU;

  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses auto, cpu or gpu in any case, failing with the accepted values. */
  public static DeviceChoice parse(String value) {
    if (value != null) {
      for (DeviceChoice choice : values()) {
        if (choice.configValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
          return choice;
        }
      }
    }
    throw new IllegalArgumentException("device must be one of auto, cpu, gpu; was '" + value + "'");
  }
}
