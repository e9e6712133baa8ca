package org.visionzero.trainer.sync;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.visionzero.events.Phase;
import org.visionzero.policy.Policy;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.scripted.RandomPolicy;
import org.visionzero.trainer.inputs.PairPictures;
import org.visionzero.trainer.sample.TrainingSample;
import org.visionzero.trainer.step.Learner;
import org.visionzero.trainer.step.PreparedUpdate;
import org.visionzero.policy.train.GrpoMetrics;

/**
 * Test double of the synchronous loop's model: scripted random players, and a learner that applies nothing but
 * records which phase's samples it was given and which versions were published.
 */
final class ScriptedSyncModel implements SyncModel {

  final RandomPolicy random = new RandomPolicy(Vocabulary.standard());
  final List<Phase> phases = new ArrayList<>();
  final List<Integer> versions = new ArrayList<>();

  /** A 16 × 16 pair whose modified image differs in one pixel chosen by {@code seed}. */
  static PairPictures pair(long seed) {
    BufferedImage original = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    BufferedImage modified = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    modified.setRGB((int) (seed % 16), 0, 0xFF0000);
    return new PairPictures(original, modified, "in the odd picture two objects differ");
  }

  @Override
  public Learner learner() {
    return new Learner() {
      @Override
      public PreparedUpdate compute(Phase phase, List<TrainingSample> samples, double learningRate) {
        phases.add(phase);
        GrpoMetrics metrics = new GrpoMetrics(0.5, 0.0, 0.0, 1.0);
        return new PreparedUpdate() {
          @Override public GrpoMetrics metrics() { return metrics; }
          @Override public void apply() { }
          @Override public void discard() { }
        };
      }
      @Override public String architecture() { return "scripted"; }
      @Override public String mediaType() { return "application/octet-stream"; }
      @Override public byte[] save(int version, Map<String, byte[]> sections) { return new byte[0]; }
      @Override public Map<String, byte[]> load(byte[] checkpoint) { return Map.of(); }
      @Override public void close() { }
    };
  }

  @Override public Policy current() { return random; }
  @Override public Policy base() { return random; }
  @Override public void version(int version) { versions.add(version); }
  @Override public void close() { }
}
