package org.visionzero.ops.cli.options;

import java.nio.file.Path;
import org.visionzero.blob.FileBlobStore;
import org.visionzero.ops.config.BrokerSettingsDef;
import picocli.CommandLine.Option;

/** {@code --blob-dir}: the content-addressed store of images and checkpoints that every component shares. */
public final class BlobStoreOptions {

  /** Default location: beside the embedded broker's data, so {@code vz run} and single commands agree. */
  public static final Path DEFAULT_BLOB_DIR = Path.of(BrokerSettingsDef.DEFAULT_DATA_DIR, "blobs");

  @Option(names = "--blob-dir", paramLabel = "DIR",
      description = "Blob store directory for images and checkpoints (default 'vz-data/blobs'; must be shared by "
          + "every process of a deployment).")
  Path blobDir;

  public Path directory() {
    return blobDir == null ? DEFAULT_BLOB_DIR : blobDir;
  }

  /** The directory, always, under a command's own key for it (the modules name the setting differently). */
  public FlagSource setting(String key) {
    return flags -> flags.put(key, directory().toString());
  }

  public FileBlobStore open() {
    return new FileBlobStore(directory());
  }
}
