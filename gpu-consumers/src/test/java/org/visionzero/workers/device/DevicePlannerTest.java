package org.visionzero.workers.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevicePlannerTest {

  @Test
  void shouldRunOneWorkerPerGpuWhenAutoFindsGpus() {
    assertThat(new DevicePlanner(() -> 2).plan(DeviceChoice.AUTO))
        .containsExactly(WorkerDevice.gpu(0), WorkerDevice.gpu(1));
  }

  @Test
  void shouldFallBackToCpuWhenAutoFindsNoGpu() {
    assertThat(new DevicePlanner(() -> 0).plan(DeviceChoice.AUTO)).containsExactly(WorkerDevice.CPU);
  }

  @Test
  void shouldUseCpuWhenAskedEvenWithGpus() {
    assertThat(new DevicePlanner(() -> 4).plan(DeviceChoice.CPU)).containsExactly(WorkerDevice.CPU);
  }

  @Test
  void shouldRefuseGpuWhenNoneIsVisible() {
    assertThatThrownBy(() -> new DevicePlanner(() -> 0).plan(DeviceChoice.GPU))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("--device cpu");
  }

  @Test
  void shouldLabelDevicesForWorkerIds() {
    assertThat(WorkerDevice.gpu(1).label()).isEqualTo("gpu1");
    assertThat(WorkerDevice.CPU.label()).isEqualTo("cpu");
  }
}
