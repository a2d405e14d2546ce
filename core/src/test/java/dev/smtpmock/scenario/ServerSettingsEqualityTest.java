package dev.smtpmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Server settings equal others exactly when the same keys were given the same values, in every
 * block, and {@code extends} merges them key by key (SPEC 2.9).
 */
class ServerSettingsEqualityTest {

  /** Each builder method, named after its YAML key (a block's keys as {@code block.key}). */
  private static final Map<String, UnaryOperator<ServerSettings.Builder>> CHANGES =
      new LinkedHashMap<>();

  static {
    CHANGES.put("protocol", b -> b.protocol(Protocol.LMTP));
    CHANGES.put("hostname", b -> b.hostname("mx.example.test"));
    CHANGES.put("greeting", b -> b.greeting("ESMTP Postfix"));
    CHANGES.put("extensions", b -> b.extension(Extension.STARTTLS));
    CHANGES.put("no extensions", ServerSettings.Builder::noExtensions);
    CHANGES.put("max-message-size", b -> b.maxMessageSize(1024));
    CHANGES.put("max-recipients", b -> b.maxRecipients(5));
    CHANGES.put("max-line-length", b -> b.maxLineLength(512));
    CHANGES.put("max-connections", b -> b.maxConnections(5));
    CHANGES.put("idle-timeout", b -> b.idleTimeout(Duration.ofSeconds(30)));
    CHANGES.put("auth", b -> b.auth(ServerSettings.Auth.builder().build()));
    CHANGES.put("auth.required", b -> b.auth(ServerSettings.Auth.builder().required(true).build()));
    CHANGES.put(
        "auth.mechanisms", b -> b.auth(ServerSettings.Auth.builder().mechanism("PLAIN").build()));
    CHANGES.put(
        "auth.users", b -> b.auth(ServerSettings.Auth.builder().user("alice", "secret").build()));
    CHANGES.put("tls", b -> b.tls(ServerSettings.Tls.builder().build()));
    CHANGES.put(
        "tls.certificate", b -> b.tls(ServerSettings.Tls.builder().certificate("expired").build()));
    CHANGES.put(
        "tls.certificate keystore",
        b -> b.tls(ServerSettings.Tls.builder().certificate(Path.of("/k.p12"), "pw").build()));
    CHANGES.put("tls.implicit", b -> b.tls(ServerSettings.Tls.builder().implicit(true).build()));
    CHANGES.put("tls.required", b -> b.tls(ServerSettings.Tls.builder().required(false).build()));
    CHANGES.put("seed", b -> b.seed(7));
    CHANGES.put("store", b -> b.store(ServerSettings.Store.builder().build()));
    CHANGES.put(
        "store.max-messages", b -> b.store(ServerSettings.Store.builder().maxMessages(10).build()));
    CHANGES.put(
        "store.max-bytes", b -> b.store(ServerSettings.Store.builder().maxBytes(2048).build()));
    CHANGES.put(
        "store.max-sessions", b -> b.store(ServerSettings.Store.builder().maxSessions(3).build()));
  }

  private static ServerSettings changed(String key) {
    return CHANGES.get(key).apply(ServerSettings.builder()).build();
  }

  @Test
  void everyKeyHasAChange() {
    assertThat(CHANGES.keySet())
        .containsAll(ServerSettings.KEYS)
        .containsAll(blockKeys("auth", ServerSettings.Auth.KEYS))
        .containsAll(blockKeys("tls", ServerSettings.Tls.KEYS))
        .containsAll(blockKeys("store", ServerSettings.Store.KEYS));
  }

  private static List<String> blockKeys(String block, List<String> keys) {
    return keys.stream().map(key -> block + "." + key).toList();
  }

  @Test
  void settingsDifferingInOneBuilderMethodAreUnequalWithDifferentHashCodes() {
    ServerSettings defaults = ServerSettings.defaults();
    for (String key : CHANGES.keySet()) {
      assertThat(changed(key)).as(key).isNotEqualTo(defaults);
      assertThat(changed(key).hashCode()).as(key).isNotEqualTo(defaults.hashCode());
    }
  }

  @Test
  void settingsBuiltAlikeAreEqualWithEqualHashCodes() {
    for (String key : CHANGES.keySet()) {
      assertThat(changed(key)).as(key).isEqualTo(changed(key));
      assertThat(changed(key).hashCode()).as(key).isEqualTo(changed(key).hashCode());
    }
  }

  @Test
  void aKeyGivenItsDefaultIsStillGiven() {
    assertThat(ServerSettings.builder().hostname(ServerSettings.DEFAULT_HOSTNAME).build())
        .isNotEqualTo(ServerSettings.defaults());
  }

  @Test
  void aBuilderGoingOnLeavesWhatItBuiltAlone() {
    ServerSettings.Builder builder = ServerSettings.builder().extension(Extension.SIZE);
    ServerSettings first = builder.build();
    builder.extension(Extension.DSN);
    assertThat(first.extensions()).containsExactly(Extension.SIZE);
  }

  @Test
  void mergingKeepsTheBaseKeysNotGivenMergesMapsAndReplacesLists() {
    ServerSettings base =
        ServerSettings.builder()
            .hostname("base.test")
            .greeting("ESMTP base")
            .extension(Extension.SIZE)
            .extension(Extension.AUTH)
            .auth(
                ServerSettings.Auth.builder()
                    .required(true)
                    .mechanism("PLAIN")
                    .user("alice", "a")
                    .user("bob", "b")
                    .build())
            .tls(
                ServerSettings.Tls.builder()
                    .certificate(Path.of("/base.p12"), "base")
                    .implicit(true)
                    .build())
            .store(ServerSettings.Store.builder().maxMessages(5).maxBytes(50).build())
            .build();
    ServerSettings over =
        ServerSettings.builder()
            .hostname("over.test")
            .extension(Extension.DSN)
            .auth(
                ServerSettings.Auth.builder()
                    .mechanism("LOGIN")
                    .user("bob", "B")
                    .user("carol", "c")
                    .build())
            .tls(ServerSettings.Tls.builder().certificate("expired").build())
            .store(ServerSettings.Store.builder().maxBytes(70).build())
            .build();

    ServerSettings merged = over.mergedOver(base);

    assertThat(merged.hostname()).isEqualTo("over.test");
    assertThat(merged.greeting()).isEqualTo("ESMTP base");
    assertThat(merged.extensions()).containsExactly(Extension.DSN);
    assertThat(merged.auth().required()).isTrue();
    assertThat(merged.auth().mechanisms()).containsExactly("LOGIN");
    assertThat(merged.auth().users())
        .containsExactly(Map.entry("alice", "a"), Map.entry("bob", "B"), Map.entry("carol", "c"));
    assertThat(merged.tls().certificate()).isEqualTo("expired");
    assertThat(merged.tls().keystore()).isNull();
    assertThat(merged.tls().password()).isNull();
    assertThat(merged.tls().implicit()).isTrue();
    assertThat(merged.store().maxMessages()).isEqualTo(5);
    assertThat(merged.store().maxBytes()).isEqualTo(70);
    assertThat(merged.store().maxSessions()).isEqualTo(ServerSettings.Store.DEFAULT_MAX_SESSIONS);
    assertThat(ServerSettings.defaults().mergedOver(base)).isEqualTo(base);
    assertThat(base.mergedOver(ServerSettings.defaults())).isEqualTo(base);
  }
}
