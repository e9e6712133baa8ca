package org.visionzero.streams.leaderboard;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Bytes of a {@link LeaderboardRow} in the leaderboard store and its repartition topic (versioned layout). */
public final class LeaderboardRowSerde implements Serde<LeaderboardRow> {
  static final int FORMAT_VERSION = 1;

  @Override
  public Serializer<LeaderboardRow> serializer() {
    return (topic, row) -> row == null ? null : write(row);
  }

  @Override
  public Deserializer<LeaderboardRow> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  static byte[] write(LeaderboardRow row) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT_VERSION);
      out.writeUTF(row.civilianPolicy());
      out.writeInt(row.civilianVersion());
      out.writeUTF(row.spyPolicy());
      out.writeInt(row.spyVersion());
      out.writeLong(row.games());
      out.writeLong(row.civilianWins());
      out.writeLong(row.spyWins());
      out.writeLong(row.decisionSamples());
      out.writeLong(row.correctSamples());
      out.writeLong(row.abstentions());
    } catch (IOException e) {
      throw new SerializationException("cannot encode leaderboard row " + row.key(), e);
    }
    return bytes.toByteArray();
  }

  static LeaderboardRow read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new SerializationException("leaderboard row format " + version + " is unknown; this build reads "
            + FORMAT_VERSION);
      }
      return new LeaderboardRow(in.readUTF(), in.readInt(), in.readUTF(), in.readInt(), in.readLong(),
          in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    } catch (IOException e) {
      throw new SerializationException("leaderboard row bytes are truncated or corrupt: " + e.getMessage(), e);
    }
  }
}
