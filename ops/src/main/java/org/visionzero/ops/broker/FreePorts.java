package org.visionzero.ops.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks a TCP port the OS considers free right now on the loopback interface (public for {@code vz chaos}, which
 * chooses the ports of its brokers before starting them). */
public final class FreePorts {

  private FreePorts() {
  }

  /** Fails with the fix when {@code port} is taken, before the broker logs a long bind failure. */
  static void requireFree(int port) {
    if (!isFree(port)) {
      throw new IllegalStateException("Port " + port + " is already in use: stop what uses it, or choose another "
          + "port with --port (0 picks a free one)");
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free TCP port on the loopback interface", e);
    }
  }
}
