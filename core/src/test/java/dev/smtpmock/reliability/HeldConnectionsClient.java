package dev.smtpmock.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client of {@link TenThousandConnectionsTest}, in a JVM of its own: opens {@code count}
 * connections to {@code 127.0.0.1:port} on one selector thread, reads each greeting and keeps every
 * connection open until all are greeted, prints {@code held=N}; then each sends {@code NOOP} and
 * {@code QUIT} and reads to the end; prints {@code answered=N}, the connections that got exactly
 * {@code 250} then {@code 221} then the close. Bounded: gives up after {@code seconds}.
 *
 * <p>Arguments: port, count, seconds.
 */
public final class HeldConnectionsClient {
  /** Connects in flight at once, so that the listen backlog never overflows into SYN retries. */
  private static final int IN_FLIGHT = 256;

  private static final String GREETING = "220 ";
  private static final byte[] COMMANDS = "NOOP\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final String ANSWERS = "250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n";

  private HeldConnectionsClient() {}

  /** One connection and what it has read so far. */
  private static final class Connection {
    final SocketChannel channel;
    final StringBuilder read = new StringBuilder();
    boolean greeted;
    boolean ended;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }
  }

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
    InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
    List<Connection> connections = new ArrayList<>(count);
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    try (Selector selector = Selector.open()) {
      long started = System.nanoTime();
      int greeted = 0;
      while (greeted < count) {
        while (connections.size() < count && connections.size() - greeted < IN_FLIGHT) {
          SocketChannel channel = SocketChannel.open();
          channel.configureBlocking(false);
          Connection c = new Connection(channel);
          connections.add(c);
          if (channel.connect(server)) {
            channel.register(selector, SelectionKey.OP_READ, c);
          } else {
            channel.register(selector, SelectionKey.OP_CONNECT, c);
          }
        }
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
          Connection c = (Connection) key.attachment();
          if (key.isConnectable()) {
            c.channel.finishConnect();
            key.interestOps(SelectionKey.OP_READ);
          } else if (key.isReadable()) {
            if (read(c, buffer) < 0) {
              fail(
                  "connection "
                      + connections.indexOf(c)
                      + " closed before its greeting: "
                      + c.read);
            }
            if (c.read.indexOf("\r\n") >= 0) {
              if (!c.read.toString().startsWith(GREETING)) {
                fail("not a greeting: " + c.read);
              }
              c.greeted = true;
              c.read.setLength(0);
              key.interestOps(0);
              greeted++;
            }
          }
        }
        selector.selectedKeys().clear();
        if (System.nanoTime() > deadline) {
          fail("timed out with " + greeted + " of " + count + " greeted");
        }
      }
      long held = connections.stream().filter(c -> c.greeted && c.channel.isOpen()).count();
      System.out.println("held=" + held);
      System.out.println("connect-millis=" + (System.nanoTime() - started) / 1_000_000);
      System.out.flush();

      for (Connection c : connections) {
        ByteBuffer commands = ByteBuffer.wrap(COMMANDS);
        while (commands.hasRemaining()) {
          c.channel.write(commands);
        }
        c.channel.keyFor(selector).interestOps(SelectionKey.OP_READ);
      }
      int ended = 0;
      int answered = 0;
      while (ended < count) {
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
          Connection c = (Connection) key.attachment();
          if (key.isReadable() && read(c, buffer) < 0) {
            c.ended = true;
            ended++;
            if (c.read.toString().equals(ANSWERS)) {
              answered++;
            }
            key.cancel();
            c.channel.close();
          }
        }
        selector.selectedKeys().clear();
        if (System.nanoTime() > deadline) {
          fail("timed out with " + ended + " of " + count + " answered and closed");
        }
      }
      System.out.println("answered=" + answered);
      System.out.flush();
    }
  }

  private static int read(Connection c, ByteBuffer buffer) throws IOException {
    buffer.clear();
    int n = c.channel.read(buffer);
    if (n > 0) {
      c.read.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
    }
    return n;
  }

  private static void fail(String message) {
    System.out.println("error=" + message);
    System.out.flush();
    System.exit(1);
  }
}
