package org.visionzero.ops.report;

import java.util.Optional;
import org.visionzero.events.ScoredTrajectory;

/**
 * A game shown in the report: its scored trajectory and, when the blob store still has them, the civilians'
 * and the spy's images (PNG bytes).
 */
public record SampleGame(ScoredTrajectory game, Optional<byte[]> original, Optional<byte[]> modified) {
}
