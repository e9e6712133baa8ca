package org.visionzero.ops.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.visionzero.ops.cli.options.OutputOptions;
import org.visionzero.producers.publish.ProduceOptions;
import org.visionzero.producers.publish.SourceKind;
import org.visionzero.producers.sheet.ContactSheet;
import org.visionzero.producers.sheet.PairPreview;
import org.visionzero.producers.sheet.SheetEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vz pairs show}: a contact sheet of generated pairs, to check a generator by eye. */
@Command(name = "pairs", mixinStandardHelpOptions = true,
    description = "Contact sheet of image pairs, differences outlined.",
    subcommands = {PairsCommand.Show.class})
public final class PairsCommand extends CommandGroup {

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Write an HTML contact sheet (and a PNG beside it) of N pairs a generator makes.")
  static final class Show implements Runnable {
    @Option(names = "--count", paramLabel = "N", defaultValue = "12", description = "Pairs to show (default 12).")
    long count;
    @Option(names = "--source", paramLabel = "scenes|charts|photos", defaultValue = "scenes",
        description = "Generator (default scenes).")
    String source;
    @Option(names = "--dir", paramLabel = "DIR", description = "Folder of photos (--source photos).")
    Path dir;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the first pair.")
    long seed;
    @Option(names = "--size", paramLabel = "PX", defaultValue = "128", description = "Image size (default 128).")
    int size;
    @Option(names = "--broken-share", paramLabel = "F", defaultValue = "0", description = "Share of broken pairs.")
    double brokenShare;
    @Option(names = "--out", paramLabel = "FILE", defaultValue = "pairs.html",
        description = "HTML file to write (default pairs.html); a .png of the same name is written too.")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public void run() {
      ProduceOptions options = new ProduceOptions(SourceKind.parse(source), Optional.ofNullable(dir), count, 0,
          seed, size, size, brokenShare, 0);
      List<SheetEntry> entries = PairPreview.entries(options);
      Path png = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.html?$", "") + ".png");
      try {
        if (out.toAbsolutePath().getParent() != null) {
          Files.createDirectories(out.toAbsolutePath().getParent());
        }
        ContactSheet.writeHtml(out, "vz pairs show --source " + options.source().word() + " --seed " + seed,
            entries);
        ContactSheet.writePng(png, entries);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the contact sheet " + out + ": " + e.getMessage(), e);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("pairs", entries.size());
      result.put("html", out.toAbsolutePath().toString());
      result.put("png", png.toAbsolutePath().toString());
      output.print(result,
          () -> "Wrote " + entries.size() + " pairs to " + out.toAbsolutePath() + " and " + png.toAbsolutePath());
    }
  }
}
