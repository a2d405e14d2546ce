package dev.smtpmock.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds idle connections from its own process (client and server in one JVM would need twice the
 * file descriptors): {@code IdleClient PORT COUNT MAX_SECONDS} opens COUNT connections to
 * 127.0.0.1:PORT one after another, reads each greeting, then holds them until stdin ends or
 * MAX_SECONDS have passed since start, and closes them. Prints {@code held H failed F ms T} (T: the
 * time to open them) once they are open.
 */
public final class IdleClient {
  private IdleClient() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
    long start = System.nanoTime();
    List<Socket> held = new ArrayList<>(count);
    int failed = 0;
    String firstFailure = null;
    for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
      Socket socket = new Socket();
      try {
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        String greeting = firstLine(socket.getInputStream());
        if (greeting.startsWith("220")) {
          held.add(socket);
          continue;
        }
        failed++;
        if (firstFailure == null) {
          firstFailure = "connection " + (i + 1) + ": " + greeting;
        }
      } catch (IOException e) {
        failed++;
        if (firstFailure == null) {
          firstFailure = "connection " + (i + 1) + ": " + e;
        }
      }
      socket.close();
      if (failed >= 200) {
        break; // the server refuses: no point in going on
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "held "
            + held.size()
            + " failed "
            + failed
            + " ms "
            + millis
            + (firstFailure == null ? "" : " first: " + firstFailure));
    System.out.flush();
    // hold until told (stdin ends) or the deadline passes
    Thread waiter =
        new Thread(
            () -> {
              try {
                BufferedReader r =
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                while (r.readLine() != null) {
                  // just wait for the end
                }
              } catch (IOException ignored) {
                // the end
              }
            });
    waiter.setDaemon(true);
    waiter.start();
    long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    try {
      waiter.join(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Socket s : held) {
      s.close();
    }
    System.exit(0);
  }

  /** The first line of the greeting; a multi-line 220 is fine, its first line starts with 220. */
  private static String firstLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r' && b.length() < 200) {
        b.append((char) c);
      }
    }
    if (c < 0 && b.length() == 0) {
      return "(closed without a greeting)";
    }
    // drain the rest of a multi-line greeting is not needed: the connection only idles from here
    return b.toString();
  }
}
