package org.visionzero.ops.eval;

import java.util.Arrays;
import java.util.Locale;

/** The seat a remote model plays in {@code vz eval --policy-url}: the checkpoint plays every other. */
public enum RemoteSeat {
  /** The observer's decision on clues the checkpoint gave. */
  DECISION,
  /** The spy's clues among checkpoint civilians, the fixed referee deciding. */
  SPY,
  /** Every civilian's clues against a checkpoint spy, the fixed referee deciding. */
  CIVILIANS;

  /** The choices as the command line shows them. */
  public static final String CHOICES = "decision|spy|civilians";

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RemoteSeat fromWireName(String name) {
    return Arrays.stream(values()).filter(seat -> seat.wireName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown seat '" + name + "'; choose one of " + CHOICES));
  }
}
