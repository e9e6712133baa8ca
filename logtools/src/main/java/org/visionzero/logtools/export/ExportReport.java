package org.visionzero.logtools.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.visionzero.json.Json;

/**
 * What {@code vz export} wrote.
 *
 * @param file               the JSONL file
 * @param games              games exported
 * @param clueSamples        clue lines
 * @param decisionSamples    decision lines
 * @param images             distinct images copied into {@code images/}
 * @param missingImages      images the blob store did not have (their lines carry {@code "image": null})
 * @param gamesWithoutEvents trajectories left out because their game's events are no longer in the log
 */
public record ExportReport(Path file, int games, int clueSamples, int decisionSamples, int images,
    int missingImages, List<String> gamesWithoutEvents) {

  public ExportReport {
    Objects.requireNonNull(file, "file");
    gamesWithoutEvents = List.copyOf(gamesWithoutEvents);
  }

  public int samples() {
    return clueSamples + decisionSamples;
  }

  public String toJson() {
    ObjectNode node = Json.object();
    node.put("file", file.toString());
    node.put("games", games);
    node.put("samples", samples());
    node.put("clueSamples", clueSamples);
    node.put("decisionSamples", decisionSamples);
    node.put("images", images);
    node.put("missingImages", missingImages);
    gamesWithoutEvents.forEach(node.putArray("gamesWithoutEvents")::add);
    return Json.write(node);
  }
}
