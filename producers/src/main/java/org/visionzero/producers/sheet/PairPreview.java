package org.visionzero.producers.sheet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.visionzero.producers.pairs.BrokenPairs;
import org.visionzero.producers.pairs.SourceItem;
import org.visionzero.producers.publish.PairSources;
import org.visionzero.producers.publish.ProduceOptions;

/** Generates pairs for a contact sheet without publishing them (`vz pairs show`). */
public final class PairPreview {

  private PairPreview() {
  }

  /** The entries of the pairs a `vz produce` with these options would publish; rejected inputs are left out. */
  public static List<SheetEntry> entries(ProduceOptions options) {
    BrokenPairs broken = new BrokenPairs(options.brokenShare());
    List<SheetEntry> entries = new ArrayList<>();
    Iterator<SourceItem> items = PairSources.create(options).items(options.seed(), options.count());
    while (items.hasNext()) {
      if (items.next() instanceof SourceItem.Produced produced) {
        entries.add(SheetEntry.of(broken.apply(produced.pair())));
      }
    }
    return entries;
  }
}
