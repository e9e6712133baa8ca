package org.visionzero.policy.testing;

import ai.djl.Device;
import org.visionzero.policy.Vocabulary;
import org.visionzero.policy.model.ModelConfig;
import org.visionzero.policy.model.VzModel;

/** Models for tests: the standard architecture and vocabulary, seeded, on the CPU. */
public final class TestModels {
  private TestModels() {}

  /** A fresh standard model; the same seed gives the same weights. */
  public static VzModel standard(long seed) {
    Vocabulary vocabulary = Vocabulary.standard();
    return VzModel.create(ModelConfig.standard(vocabulary.size()), vocabulary, seed, Device.cpu());
  }
}
