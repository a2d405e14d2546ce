package dev.smtpmock.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.DummySession;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.WriteRequest;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.junit.jupiter.api.Test;

class MinaChannelTest {

  @Test
  void heldWritesLeaveAsOneWriteInOrder() {
    DummySession session = new DummySession();
    List<String> writes = recordWrites(session);
    MinaChannel channel = new MinaChannel(session);

    channel.holdWrites();
    channel.write(ascii("250 first\r\n"));
    channel.write(ascii("250 second\r\n"));
    assertThat(writes).isEmpty();
    assertThat(channel.scheduledWriteBytes()).isEqualTo(23);
    channel.releaseWrites();
    channel.write(ascii("250 third\r\n"));

    assertThat(writes).containsExactly("250 first\r\n250 second\r\n", "250 third\r\n");
  }

  @Test
  void aCloseWhileHoldingSendsWhatWasHeldFirst() {
    DummySession session = new DummySession();
    List<String> writes = recordWrites(session);
    MinaChannel channel = new MinaChannel(session);

    channel.holdWrites();
    channel.write(ascii("221 2.0.0 Bye\r\n"));
    channel.closeOnFlush();

    assertThat(writes).containsExactly("221 2.0.0 Bye\r\n");
  }

  /** The direct write path needs MINA's socket; a MINA upgrade that hides it must fail here. */
  @Test
  void findsTheSocketOfAnAcceptedSession() throws Exception {
    CompletableFuture<SocketChannel> found = new CompletableFuture<>();
    NioSocketAcceptor acceptor = new NioSocketAcceptor();
    acceptor.setHandler(
        new IoHandlerAdapter() {
          @Override
          public void sessionOpened(IoSession session) {
            found.complete(SessionSockets.of(session));
          }
        });
    acceptor.bind(new InetSocketAddress("127.0.0.1", 0));
    try (Socket client = new Socket("127.0.0.1", acceptor.getLocalAddress().getPort())) {
      SocketChannel socket = found.get(10, TimeUnit.SECONDS);

      assertThat(socket).isNotNull();
      assertThat(socket.getRemoteAddress()).isEqualTo(client.getLocalSocketAddress());
      socket.write(ByteBuffer.wrap(ascii("220 hi\r\n")));
      InputStream in = client.getInputStream();
      await().atMost(10, TimeUnit.SECONDS).until(() -> in.available() == 8);
    } finally {
      acceptor.dispose(true);
    }
  }

  private static List<String> recordWrites(DummySession session) {
    List<String> writes = new ArrayList<>();
    session
        .getFilterChain()
        .addLast(
            "record",
            new IoFilterAdapter() {
              @Override
              public void filterWrite(NextFilter next, IoSession s, WriteRequest request) {
                IoBuffer buffer = (IoBuffer) request.getMessage();
                writes.add(
                    new String(
                        buffer.array(),
                        buffer.arrayOffset() + buffer.position(),
                        buffer.remaining(),
                        StandardCharsets.US_ASCII));
                next.filterWrite(s, request);
              }
            });
    return writes;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
