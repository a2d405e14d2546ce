package dev.smtpmock.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DataReaderTest {

  @Test
  void undoesDotStuffingAndStopsAtTheEndMarker() {
    DataReader reader = started(0);
    byte[] wire = ascii("..leading dot\r\nmiddle . dot\r\n.\r\nMAIL FROM:<a@b>\r\n");

    int consumed = reader.read(wire, 0, wire.length);

    assertThat(reader.ended()).isTrue();
    assertThat(consumed).isEqualTo(wire.length - "MAIL FROM:<a@b>\r\n".length());
    assertThat(text(reader.data())).isEqualTo(".leading dot\r\nmiddle . dot\r\n");
    assertThat(reader.wireBytes()).isEqualTo(consumed);
  }

  @Test
  void aDotAfterABareLineFeedEndsNothing() {
    DataReader reader = started(0);
    byte[] wire = ascii("a\n.\r\nb\r\n.\r\n");

    reader.read(wire, 0, wire.length);

    assertThat(reader.ended()).isTrue();
    assertThat(text(reader.data())).isEqualTo("a\n.\r\nb\r\n");
  }

  @Test
  void keepsAtMostTheLimitButCountsEverything() {
    DataReader reader = started(10);
    byte[] wire = ascii("0123456789abcdef\r\n.\r\n");

    reader.read(wire, 0, wire.length);

    assertThat(reader.overLimit()).isTrue();
    assertThat(reader.size()).isEqualTo(18);
    assertThat(text(reader.data())).isEqualTo("0123456789");
  }

  /**
   * Random data of dots, CRs, LFs and letters, split into random chunks and read by one reader
   * after another, reads as a plain line-by-line decoder reads it whole: the fast path over line
   * middles must not change a byte.
   */
  @Test
  void anySplitOfTheInputReadsLikeTheWholeLineByLineDecoding() {
    SplittableRandom random = new SplittableRandom(42);
    DataReader reader = new DataReader();
    byte[] alphabet = ascii(".\r\nab");
    for (int round = 0; round < 20_000; round++) {
      byte[] body = new byte[random.nextInt(40)];
      for (int i = 0; i < body.length; i++) {
        body[i] = alphabet[random.nextInt(alphabet.length)];
      }
      byte[] wire = concat(body, ascii("\r\n.\r\nNEXT"));
      long limit = random.nextBoolean() ? 0 : random.nextInt(30) + 1;
      Decoded expected = lineByLine(wire, limit);

      reader.start(limit);
      int offset = 0;
      while (!reader.ended() && offset < wire.length) {
        int chunk = 1 + random.nextInt(wire.length - offset);
        offset += reader.read(wire, offset, chunk);
      }

      String input = text(wire).replace("\r", "\\r").replace("\n", "\\n");
      assertThat(reader.ended()).as(input).isTrue();
      assertThat(offset).as(input).isEqualTo(expected.consumed);
      assertThat(text(reader.data())).as(input).isEqualTo(text(expected.kept));
      assertThat(reader.size()).as(input).isEqualTo(expected.size);
    }
  }

  private static DataReader started(long limit) {
    DataReader reader = new DataReader();
    reader.start(limit);
    return reader;
  }

  private record Decoded(byte[] kept, long size, int consumed) {}

  /**
   * RFC 5321 4.5.2 read as lines: a line is ended by CRLF only; the line {@code .} ends the data;
   * any other line loses one leading dot.
   */
  private static Decoded lineByLine(byte[] wire, long limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int start = 0;
    while (true) {
      int end = start;
      while (!(wire[end] == '\r' && wire[end + 1] == '\n')) {
        end++;
      }
      byte[] line = Arrays.copyOfRange(wire, start, end + 2);
      if (line.length == 3 && line[0] == '.') {
        byte[] all = out.toByteArray();
        byte[] kept = limit == 0 ? all : Arrays.copyOf(all, (int) Math.min(limit, all.length));
        return new Decoded(kept, all.length, end + 2);
      }
      int from = line[0] == '.' ? 1 : 0;
      out.write(line, from, line.length - from);
      start = end + 2;
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] result = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, result, a.length, b.length);
    return result;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
