package org.visionzero.ops.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.visionzero.events.BlobRef;

class CheckpointRetentionTest {

  static BlobRef blob(String content) {
    String sha = String.format("%64s", Integer.toHexString(content.hashCode())).replace(' ', '0');
    return BlobRef.newBuilder().setUri("blob:sha256/" + sha).setSha256(sha).setMediaType("application/x-vz")
        .setSize(1).build();
  }

  private static Map<Integer, BlobRef> versions(int upTo) {
    Map<Integer, BlobRef> published = new TreeMap<>();
    for (int v = 0; v <= upTo; v++) {
      published.put(v, blob("v" + v));
    }
    return published;
  }

  private static List<Integer> expiredVersions(int keep, Map<Integer, BlobRef> published, Set<Integer> inUse) {
    return new CheckpointRetention(keep).expired(published, inUse).stream()
        .map(CheckpointRetention.Expired::version).toList();
  }

  @Test
  void givenTenVersions_whenKeepingThree_thenOlderOnesExpireExceptThoseInUse() {
    assertThat(expiredVersions(3, versions(10), Set.of(0, 4))).containsExactly(1, 2, 3, 5, 6, 7);
  }

  @Test
  void givenFewerVersionsThanKept_thenNothingExpires() {
    assertThat(expiredVersions(5, versions(3), Set.of(0))).isEmpty();
  }

  @Test
  void givenKeepZero_thenEveryCheckpointIsKept() {
    assertThat(expiredVersions(0, versions(50), Set.of(0))).isEmpty();
  }

  @Test
  void givenAnOldVersionWithTheSameContentAsAKeptOne_thenItsBlobIsNotDeleted() {
    Map<Integer, BlobRef> published = versions(6);
    published.put(2, blob("v6"));

    assertThat(expiredVersions(2, published, Set.of(0))).containsExactly(1, 3, 4);
  }
}
