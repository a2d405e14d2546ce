package dev.smtpmock.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executors;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoProcessor;
import org.apache.mina.core.service.IoService;
import org.apache.mina.transport.socket.nio.NioSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpMockIoProcessorTest {
  private final SmtpMockIoProcessor processor =
      new SmtpMockIoProcessor(Executors.newSingleThreadExecutor());
  private final NioSocketAcceptor service = new NioSocketAcceptor();
  private ServerSocketChannel listener;
  private SocketChannel client;
  private SocketChannel server;
  private Selector readable;
  private NioSession session;

  @BeforeEach
  void connect() throws Exception {
    listener =
        ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    client = SocketChannel.open(listener.getLocalAddress());
    server = listener.accept();
    server.configureBlocking(false);
    readable = Selector.open();
    server.register(readable, SelectionKey.OP_READ);
    // MINA's socket session class is package-private; its acceptor makes it the same way
    Constructor<?> make =
        Class.forName("org.apache.mina.transport.socket.nio.NioSocketSession")
            .getConstructor(IoService.class, IoProcessor.class, SocketChannel.class);
    make.setAccessible(true);
    session = (NioSession) make.newInstance(service, processor, server);
  }

  @AfterEach
  void close() throws Exception {
    readable.close();
    client.close();
    server.close();
    listener.close();
    processor.dispose();
    service.dispose();
  }

  @Test
  void theReadAfterAShortReadIsAnsweredWithoutTheSocket() throws Exception {
    send(100);
    assertThat(processor.read(session, IoBuffer.allocate(2048))).isEqualTo(100);

    send(50);
    // the bytes are there to read, but the read that follows a short one ends MINA's read loop
    assertThat(processor.read(session, IoBuffer.allocate(2048))).isZero();
    assertThat(processor.read(session, IoBuffer.allocate(2048))).isEqualTo(50);
  }

  @Test
  void aReadThatFillsTheBufferLeavesTheNextOneToTheSocket() throws Exception {
    send(3000);
    assertThat(processor.read(session, IoBuffer.allocate(2048))).isEqualTo(2048);
    assertThat(processor.read(session, IoBuffer.allocate(2048))).isEqualTo(952);
  }

  @Test
  void theEndOfTheStreamStillComesThrough() throws Exception {
    send(10);
    assertThat(processor.read(session, IoBuffer.allocate(2048))).isEqualTo(10);
    assertThat(processor.read(session, IoBuffer.allocate(2048))).isZero();

    client.shutdownOutput();
    readable.select(5_000);
    assertThat(processor.read(session, IoBuffer.allocate(2048))).isEqualTo(-1);
  }

  /** Sends {@code n} bytes and returns once they can be read on the server's side. */
  private void send(int n) throws Exception {
    ByteBuffer bytes = ByteBuffer.allocate(n);
    while (bytes.hasRemaining()) {
      client.write(bytes);
    }
    readable.selectedKeys().clear();
    assertThat(readable.select(5_000)).isEqualTo(1);
  }
}
