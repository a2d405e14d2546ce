package dev.smtpmock.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpmock.SmtpMockServer;
import dev.smtpmock.junit.InjectSmtpMock;
import dev.smtpmock.spring.EnableSmtpMock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** A {@code @Nested} class inherits the enclosing class's context, and so its server. */
@SpringBootTest
@EnableSmtpMock(scenario = "mailbox-full")
class NestedClassTest {

  @InjectSmtpMock SmtpMockServer outer;

  @Nested
  class Inner {
    @InjectSmtpMock SmtpMockServer inner;

    @Test
    void getsTheEnclosingClassesServer(SmtpMockServer parameter) {
      assertThat(inner).isSameAs(parameter).isSameAs(outer);
      assertThat(parameter.scenario().name()).isEqualTo("mailbox-full");
    }
  }
}
