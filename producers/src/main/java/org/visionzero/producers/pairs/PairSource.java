package org.visionzero.producers.pairs;

import java.util.Iterator;
import org.visionzero.events.ImageSource;

/** A generator of image pairs: scenes, charts or photos. */
public interface PairSource {

  /** Which generator this is. */
  ImageSource kind();

  /** Rules sentence for the spy's prompt. */
  String spyHint();

  /**
   * The items of one run: at most {@code count} produced pairs, starting from {@code firstSeed}; pair i uses
   * seed firstSeed + i so a run can be reproduced or continued. Rejected inputs come in between and do not count.
   */
  Iterator<SourceItem> items(long firstSeed, long count);
}
