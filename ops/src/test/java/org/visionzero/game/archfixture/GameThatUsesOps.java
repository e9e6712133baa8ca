package org.visionzero.game.archfixture;

import org.visionzero.ops.config.VzConfigException;

/** Test fixture: breaks "nothing below ops uses ops", to show the rule fails. Never part of main code. */
public final class GameThatUsesOps {

  public RuntimeException fail() {
    return new VzConfigException("fixture");
  }
}
