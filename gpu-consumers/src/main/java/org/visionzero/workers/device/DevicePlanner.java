package org.visionzero.workers.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** Turns the {@code --device} choice and the GPUs present into the devices to run one worker on each. */
public final class DevicePlanner {
  private final IntSupplier gpuCount;

  /** @param gpuCount how many GPUs this machine has (e.g. {@link CudaGpuProbe}) */
  public DevicePlanner(IntSupplier gpuCount) {
    this.gpuCount = gpuCount;
  }

  public List<WorkerDevice> plan(DeviceChoice choice) {
    int gpus = Math.max(0, gpuCount.getAsInt());
    if (choice == DeviceChoice.CPU || (choice == DeviceChoice.AUTO && gpus == 0)) {
      return List.of(WorkerDevice.CPU);
    }
    if (gpus == 0) {
      throw new IllegalStateException("device=gpu was asked for but no GPU is visible to this process; "
          + "use --device cpu, or --device auto to fall back to the CPU");
    }
    List<WorkerDevice> devices = new ArrayList<>();
    for (int i = 0; i < gpus; i++) {
      devices.add(WorkerDevice.gpu(i));
    }
    return List.copyOf(devices);
  }
}
