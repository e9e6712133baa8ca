package org.visionzero.ops.chaos.poison;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.visionzero.events.DeadLetter;

/**
 * Matches poison records to the dead letters they caused: a letter for the record itself (same topic, partition
 * and offset), or, for a record a component accepted as well-formed and whose consequences were refused
 * downstream (a fabricated game start whose turns no worker can play), a letter keyed by the record's key.
 * Replayed duplicates are tolerated by idempotence and accounted for by the components' ignored-duplicate
 * counters instead (ops/RUNBOOK.md says which), so they are not expected here.
 */
public final class PoisonAccounting {
  private PoisonAccounting() {}

  /** The poison records (other than replays) that no dead letter accounts for. */
  public static List<PoisonReport.Written> unaccounted(List<PoisonReport.Written> written, List<DeadLetter> letters) {
    Set<String> positions = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (DeadLetter letter : letters) {
      positions.add(position(letter.getSourceTopic(), letter.getSourcePartition(), letter.getSourceOffset()));
      if (letter.getKey() != null) {
        keys.add(StandardCharsets.UTF_8.decode(letter.getKey().duplicate()).toString());
      }
    }
    List<PoisonReport.Written> missing = new ArrayList<>();
    for (PoisonReport.Written record : written) {
      boolean replay = record.kind().equals(PoisonKind.REPLAYED_DUPLICATE.tag());
      boolean lettered = positions.contains(position(record.topic(), record.partition(), record.offset()))
          || (record.key() != null && record.key().startsWith(PoisonRecipes.PREFIX) && keys.contains(record.key()));
      if (!replay && !lettered) {
        missing.add(record);
      }
    }
    return missing;
  }

  private static String position(String topic, int partition, long offset) {
    return topic + "/" + partition + "/" + offset;
  }
}
