package dev.smtpmock.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochNanosTest {

  @Test
  void anInstantComesBackToTheNanosecond() {
    Instant at = Instant.parse("2026-11-29T13:01:02.123456789Z");

    assertThat(EpochNanos.instant(EpochNanos.of(at))).isEqualTo(at);
  }

  @Test
  void instantsBeforeTheEpochComeBackToo() {
    Instant at = Instant.parse("1969-12-31T23:59:59.999999999Z");

    assertThat(EpochNanos.instant(EpochNanos.of(at))).isEqualTo(at);
  }

  @Test
  void anInstantPastTheRangeOfALongIsRefusedNotWrapped() {
    assertThatThrownBy(() -> EpochNanos.of(Instant.parse("2300-01-01T00:00:00Z")))
        .isInstanceOf(ArithmeticException.class);
  }
}
