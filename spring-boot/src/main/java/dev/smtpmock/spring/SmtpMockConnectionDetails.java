package dev.smtpmock.spring;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where a smtpmock server runs, for Spring Boot's service connections: {@code @ServiceConnection}
 * on a {@code SmtpMockContainer} makes a bean of this type, and the mail settings of the context
 * ({@code spring.mail.host} and {@code spring.mail.port}) point at it, ahead of the application's
 * own.
 *
 * <pre>{@code
 * @Container @ServiceConnection
 * static SmtpMockContainer smtp = new SmtpMockContainer().withBuiltInScenario("greylisting");
 * }</pre>
 */
public interface SmtpMockConnectionDetails extends ConnectionDetails {

  /** The host to send mail to. */
  String getHost();

  /** The SMTP port on that host. */
  int getPort();

  /** The admin API's base URL, such as {@code http://localhost:32771}. */
  String getAdminUrl();
}
