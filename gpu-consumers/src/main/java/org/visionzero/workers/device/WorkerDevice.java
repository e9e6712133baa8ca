package org.visionzero.workers.device;

/**
 * The device one worker runs its policies on.
 *
 * @param gpu   true for a GPU, false for the CPU
 * @param index GPU index (0-based); 0 for the CPU
 */
public record WorkerDevice(boolean gpu, int index) {
  public static final WorkerDevice CPU = new WorkerDevice(false, 0);

  public WorkerDevice {
    if (index < 0) {
      throw new IllegalArgumentException("device index must be >= 0, was " + index);
    }
    if (!gpu && index != 0) {
      throw new IllegalArgumentException("the CPU device has index 0, was " + index);
    }
  }

  public static WorkerDevice gpu(int index) {
    return new WorkerDevice(true, index);
  }

  /** {@code cpu} or {@code gpu<index>}, as DJL names devices and as worker ids are suffixed. */
  public String label() {
    return gpu ? "gpu" + index : "cpu";
  }
}
