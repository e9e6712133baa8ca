package org.visionzero.producers.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.visionzero.json.Json;

/**
 * What a run did.
 *
 * @param published        pairs sent and acknowledged
 * @param alreadyPublished pairs skipped because an earlier run published them
 * @param duplicates       pairs skipped because this run had already produced the same content
 * @param broken           published pairs broken on purpose
 * @param heldOut          published pairs reserved for evaluation
 * @param deadLettered     inputs sent to the dead letters
 * @param rejected         references of the dead-lettered inputs, in order
 * @param pairIds          ids of the published pairs, in order
 */
public record ProduceResult(SourceKind source, long published, long alreadyPublished, long duplicates, long broken,
                            long heldOut, long deadLettered, List<String> rejected, List<String> pairIds,
                            Duration elapsed) {

  public ProduceResult {
    Objects.requireNonNull(source, "source");
    rejected = List.copyOf(rejected);
    pairIds = List.copyOf(pairIds);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** A one-object JSON summary (rejected references and pair ids left out: they can be many). */
  public String toJson() {
    ObjectNode json = Json.object();
    json.put("source", source.word());
    json.put("published", published);
    json.put("alreadyPublished", alreadyPublished);
    json.put("duplicates", duplicates);
    json.put("broken", broken);
    json.put("heldOut", heldOut);
    json.put("deadLettered", deadLettered);
    json.put("seconds", Json.round(elapsed.toNanos() / 1e9, 3));
    json.put("pairsPerSecond", Json.round(pairsPerSecond(), 1));
    return Json.write(json);
  }

  /** Published pairs per second of wall time. */
  public double pairsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds == 0 ? 0 : published / seconds;
  }
}
