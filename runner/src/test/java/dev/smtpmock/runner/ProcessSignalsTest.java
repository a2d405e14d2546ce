package dev.smtpmock.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The real process: the ready line, exit 143 on SIGTERM and on Ctrl-C, both ports released. */
class ProcessSignalsTest {
  @Test
  void sigtermExitsWith143OnceBothPortsAreClosed() throws Exception {
    try (RunnerProcess runner =
        RunnerProcess.start(Map.of(), "run", "--smtp-port", "0", "--admin-port", "0", "--quiet")) {
      Matcher ready = runner.awaitReady();
      assertThat(ready.group(1)).isEqualTo("127.0.0.1");
      assertThat(ready.group(5)).isEqualTo("default");
      int smtp = Integer.parseInt(ready.group(2));
      int admin = Integer.parseInt(ready.group(4));
      assertThat(HealthCheck.check("http://127.0.0.1:" + admin + "/health")).isTrue();

      runner.signal("TERM");
      assertThat(runner.awaitExit()).isEqualTo(143);
      assertThat(free(smtp)).isTrue();
      assertThat(free(admin)).isTrue();
      assertThat(runner.out()).hasSize(1);
      assertThat(runner.err()).isEmpty();
    }
  }

  @Test
  void ctrlCExitsWith143Too() throws Exception {
    try (RunnerProcess runner =
        RunnerProcess.start(Map.of(), "run", "--smtp-port", "0", "--admin-port", "-1")) {
      Matcher ready = runner.awaitReady();
      assertThat(ready.group(3)).isEqualTo("off");
      runner.signal("INT");
      assertThat(runner.awaitExit()).isEqualTo(143);
    }
  }

  @Test
  void usageErrorsExitWith2AndBadScenariosWith1() throws Exception {
    try (RunnerProcess usage = RunnerProcess.start(Map.of(), "run", "--smtp-port", "x")) {
      assertThat(usage.awaitExit()).isEqualTo(2);
      assertThat(usage.err()).contains("--smtp-port");
    }
    try (RunnerProcess bad =
        RunnerProcess.start(Map.of("SMTPMOCK_SCENARIO", "no-such-scenario"), "run")) {
      assertThat(bad.awaitExit()).isEqualTo(1);
      assertThat(bad.err()).contains("unknown scenario 'no-such-scenario'");
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
