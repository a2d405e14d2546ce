package dev.smtpmock.spring;

import dev.smtpmock.testcontainers.SmtpMockContainer;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link SmtpMockConnectionDetails} for a {@code @ServiceConnection SmtpMockContainer} (registered
 * in {@code META-INF/spring.factories}).
 */
final class SmtpMockContainerConnectionDetailsFactory
    extends ContainerConnectionDetailsFactory<SmtpMockContainer, SmtpMockConnectionDetails> {

  /** Smtpmock-testcontainers is optional: without it, this factory makes nothing. */
  SmtpMockContainerConnectionDetailsFactory() {
    super(ANY_CONNECTION_NAME, "dev.smtpmock.testcontainers.SmtpMockContainer");
  }

  @Override
  protected SmtpMockConnectionDetails getContainerConnectionDetails(
      ContainerConnectionSource<SmtpMockContainer> source) {
    return new ContainerDetails(source);
  }

  /** Asks the container each time: it is started by the time anything asks. */
  private static final class ContainerDetails extends ContainerConnectionDetails<SmtpMockContainer>
      implements SmtpMockConnectionDetails {

    private ContainerDetails(ContainerConnectionSource<SmtpMockContainer> source) {
      super(source);
    }

    @Override
    public String getHost() {
      return getContainer().getSmtpHost();
    }

    @Override
    public int getPort() {
      return getContainer().getSmtpPort();
    }

    @Override
    public String getAdminUrl() {
      return getContainer().getAdminUrl();
    }
  }
}
