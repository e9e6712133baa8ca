package org.visionzero.producers.photos;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.visionzero.events.ImageSource;
import org.visionzero.game.rules.SpyHints;
import org.visionzero.producers.pairs.ImagePair;
import org.visionzero.producers.pairs.PairSource;
import org.visionzero.producers.pairs.PngCodec;
import org.visionzero.producers.pairs.SourceItem;

/**
 * Any folder of photos as a pair source. Files are taken in path order; pair i edits the next usable file with
 * seed firstSeed + i, cycling through the folder when more pairs are asked for than it has files. A file that
 * cannot be used is yielded once as {@link SourceItem.Rejected} and skipped from then on.
 */
public final class PhotoPairSource implements PairSource {

  /** Rules sentence for the spy's prompt. */
  public static final String SPY_HINT = SpyHints.PHOTOS;

  private final PhotoOptions options;
  private final PhotoLoader loader;
  private final PhotoEditor editor;

  public PhotoPairSource(PhotoOptions options) {
    this.options = options;
    this.loader = new PhotoLoader(options);
    this.editor = new PhotoEditor(options.maxEdits());
  }

  @Override
  public ImageSource kind() {
    return ImageSource.PHOTOS;
  }

  @Override
  public String spyHint() {
    return SPY_HINT;
  }

  /** The regular, non-hidden files under the folder, in path order. */
  public List<Path> files() {
    try (Stream<Path> walk = Files.walk(options.directory())) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list photo directory " + options.directory(), e);
    }
  }

  /** The pair made from one file with one seed; throws when the file cannot be used. */
  public ImagePair pair(Path file, long seed) throws UnusablePhotoException {
    return pair(file, loader.read(file), seed);
  }

  private ImagePair pair(Path file, byte[] bytes, long seed) throws UnusablePhotoException {
    BufferedImage photo = loader.decode(file, bytes);
    EditedPhoto edited = editor.edit(photo, new Random(seed));
    return new ImagePair(ImageSource.PHOTOS, seed, file + " seed " + seed, PngCodec.encode(edited.original()),
        PngCodec.encode(edited.modified()), options.width(), options.height(), edited.differences(), SPY_HINT,
        Optional.empty(), Optional.empty());
  }

  @Override
  public Iterator<SourceItem> items(long firstSeed, long count) {
    List<Path> files = files();
    return new Iterator<>() {
      private final Deque<Path> queue = new ArrayDeque<>(files);
      private final Set<Path> usable = new HashSet<>();
      private final List<Path> rejected = new ArrayList<>();
      private long produced;

      @Override
      public boolean hasNext() {
        if (queue.isEmpty() && !usable.isEmpty()) {
          files.stream().filter(usable::contains).forEach(queue::add);
        }
        return produced < count && !queue.isEmpty();
      }

      @Override
      public SourceItem next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more photo pairs: " + produced + " produced, "
              + rejected.size() + " files rejected");
        }
        Path file = queue.poll();
        byte[] bytes = null;
        try {
          bytes = loader.read(file);
          ImagePair pair = pair(file, bytes, firstSeed + produced);
          usable.add(file);
          produced++;
          return new SourceItem.Produced(pair);
        } catch (UnusablePhotoException e) {
          rejected.add(file);
          usable.remove(file);
          return new SourceItem.Rejected(file.toString(), bytes, e);
        }
      }
    };
  }
}
