package org.visionzero.workers.device;

import ai.djl.util.cuda.CudaUtils;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts CUDA GPUs through DJL's CUDA probe, which loads no deep-learning engine. */
public final class CudaGpuProbe implements IntSupplier {
  private static final Logger LOG = LoggerFactory.getLogger(CudaGpuProbe.class);

  @Override
  public int getAsInt() {
    try {
      return CudaUtils.hasCuda() ? CudaUtils.getGpuCount() : 0;
    } catch (LinkageError | RuntimeException e) {
      // No CUDA runtime (or no JNA): the machine has no usable GPU for us.
      LOG.debug("CUDA probe failed, assuming no GPU: {}", e.toString());
      return 0;
    }
  }
}
