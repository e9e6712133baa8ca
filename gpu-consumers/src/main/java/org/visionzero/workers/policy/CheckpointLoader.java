package org.visionzero.workers.policy;

import java.io.IOException;
import java.util.Objects;
import org.visionzero.blob.BlobIntegrityException;
import org.visionzero.blob.BlobNotFoundException;
import org.visionzero.blob.BlobStore;
import org.visionzero.hash.Sha256;
import org.visionzero.policy.Policy;
import org.visionzero.workers.device.WorkerDevice;

/** Fetches a checkpoint from the blob store, verifies it, and has the policy factory build it. */
public final class CheckpointLoader {
  private final BlobStore blobs;
  private final PolicyFactory factory;
  private final WorkerDevice device;

  public CheckpointLoader(BlobStore blobs, PolicyFactory factory, WorkerDevice device) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.device = Objects.requireNonNull(device, "device");
  }

  public boolean handles(String policyName) {
    return factory.handles(policyName);
  }

  /** Loads a version from its checkpoint; refuses another architecture, a tampered or unreadable blob. */
  public Policy load(VersionKey key, KnownCheckpoint checkpoint) throws PolicyLoadException {
    requireHandled(key);
    String expected = factory.architecture(key.name());
    if (!expected.equals(checkpoint.architecture())) {
      throw new PolicyLoadException("checkpoint " + key + " has architecture '" + checkpoint.architecture()
          + "' but this worker loads '" + expected + "' for '" + key.name() + "'");
    }
    byte[] bytes = fetch(key, checkpoint);
    return build(key, bytes);
  }

  /** Loads a version that has no checkpoint (a scripted policy's base version). */
  public Policy loadWithoutCheckpoint(VersionKey key) throws PolicyLoadException {
    requireHandled(key);
    return build(key, null);
  }

  private byte[] fetch(VersionKey key, KnownCheckpoint checkpoint) throws PolicyLoadException {
    String uri = checkpoint.blob().getUri();
    byte[] bytes;
    try {
      bytes = blobs.get(checkpoint.blob());
    } catch (BlobIntegrityException e) {
      throw new PolicyLoadException("checkpoint " + key + " (" + uri + ") failed its sha256 check, refusing it: "
          + e.getMessage(), e);
    } catch (BlobNotFoundException e) {
      throw new PolicyLoadException("checkpoint " + key + " (" + uri + ") is not in the blob store: "
          + e.getMessage(), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new PolicyLoadException("checkpoint " + key + " (" + uri + ") cannot be read: " + e.getMessage(), e);
    }
    // The store verifies too; checking here keeps the guarantee whatever store implementation is plugged in.
    String actual = Sha256.hex(bytes);
    if (!actual.equals(checkpoint.blob().getSha256())) {
      throw new PolicyLoadException("checkpoint " + key + " (" + uri + ") hashes to " + actual
          + " but was published with sha256 " + checkpoint.blob().getSha256() + ", refusing it");
    }
    return bytes;
  }

  private Policy build(VersionKey key, byte[] bytes) throws PolicyLoadException {
    try {
      return factory.load(key.toRef(), bytes, device);
    } catch (PolicyLoadException e) {
      throw new PolicyLoadException("cannot load " + key + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new PolicyLoadException("cannot load " + key + ": " + e, e);
    }
  }

  private void requireHandled(VersionKey key) throws PolicyLoadException {
    if (!factory.handles(key.name())) {
      throw new PolicyLoadException(PolicyFactories.noFactory(key.name()));
    }
  }
}
