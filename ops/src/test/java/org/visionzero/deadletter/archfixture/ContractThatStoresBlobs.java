package org.visionzero.deadletter.archfixture;

import java.nio.file.Path;
import org.visionzero.blob.FileBlobStore;

/** Test fixture: breaks "schemas does not depend on the blob store", to show the rule fails. Never main code. */
public final class ContractThatStoresBlobs {

  public FileBlobStore store(Path root) {
    return new FileBlobStore(root);
  }
}
