package org.visionzero.streams.archfixture;

import org.visionzero.logtools.replay.GameNotFoundException;

/** Test fixture: breaks "the live topologies use no log tool", to show the rule fails. Never part of main code. */
public final class TopologyThatUsesLogTools {

  public RuntimeException fail() {
    return new GameNotFoundException("fixture");
  }
}
