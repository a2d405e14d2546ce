package dev.smtpmock.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.wiser.Wiser;

/**
 * A peer as its own process, so that its peak RSS can be read from /proc: {@code PeerMain
 * greenmail} or {@code PeerMain wiser} starts that server on 127.0.0.1 and a free port, with its
 * defaults (what a user gets), and prints {@code ready PORT}. Then it answers lines on stdin:
 * {@code count} prints the number of messages captured. End of stdin stops the server and exits.
 */
public final class PeerMain {
  private PeerMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: PeerMain greenmail|wiser");
      System.exit(2);
    }
    Runnable stop;
    IntSupplier count;
    int port;
    switch (args[0]) {
      case "greenmail" -> {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        greenMail.start();
        port = greenMail.getSmtp().getPort();
        count = () -> greenMail.getReceivedMessages().length;
        stop = greenMail::stop;
      }
      case "wiser" -> {
        Wiser wiser =
            Wiser.create(SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()));
        wiser.start();
        port = wiser.getServer().getPortAllocated();
        count = () -> wiser.getMessages().size();
        stop = wiser::stop;
      }
      default -> {
        System.err.println("unknown peer: " + args[0]);
        System.exit(2);
        return;
      }
    }
    System.out.println("ready " + port);
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals("count")) {
        System.out.println(count.getAsInt());
        System.out.flush();
      }
    }
    stop.run();
    System.exit(0);
  }
}
