package org.visionzero.ops.probe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The probe of one checkpoint.
 *
 * @param label   what was probed, for people ("v0 (shipped)", a file name)
 * @param version the checkpoint's policy version
 * @param sha256  of the checkpoint's bytes
 * @param tasks   task key ({@code caption-match/scenes}) to its figures, in the suite's order
 * @param seconds scoring time (the items are drawn once for all checkpoints)
 */
public record ProbeResult(String label, int version, String sha256, Map<String, TaskResult> tasks, double seconds) {
  public ProbeResult {
    tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
  }
}
