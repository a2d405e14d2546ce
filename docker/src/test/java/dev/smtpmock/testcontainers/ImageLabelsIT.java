package dev.smtpmock.testcontainers;

import static dev.smtpmock.testcontainers.DockerCli.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The image's OCI labels, as {@code docker inspect} shows them to a registry or a scanner: the
 * version and the source are the pom's, so that an image says which release it is and where its
 * code lives.
 */
@RequiresSmtpMockImage
class ImageLabelsIT {
  @Test
  void theImageCarriesTheOciLabelsOfThisBuild() throws Exception {
    Map<String, String> labels =
        new ObjectMapper()
            .readValue(
                docker(
                    "image", "inspect", "--format", "{{json .Config.Labels}}", SmtpMockImage.NAME),
                new TypeReference<Map<String, String>>() {});
    assertThat(labels)
        .containsEntry("org.opencontainers.image.title", "smtpmock")
        .containsEntry(
            "org.opencontainers.image.description", "A fault-injecting SMTP mock server for tests")
        .containsEntry("org.opencontainers.image.licenses", "Apache-2.0")
        .containsEntry("org.opencontainers.image.version", System.getProperty("smtpmock.version"))
        .containsEntry("org.opencontainers.image.source", System.getProperty("smtpmock.source"));
    assertThat(System.getProperty("smtpmock.version")).as("set by docker/pom.xml").isNotBlank();
  }
}
