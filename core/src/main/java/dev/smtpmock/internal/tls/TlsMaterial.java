package dev.smtpmock.internal.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The built-in test TLS material (SPEC 2.11): a test CA and leaf keystores, generated once by the
 * committed script {@code core/src/tls/make-test-tls.sh} and shipped as resources.
 *
 * <p>The CA private key and every password ("smtpmock") are public. Never trust this CA outside
 * tests.
 */
public final class TlsMaterial {

  /** The built-in server identities, in the order they are documented. */
  public static final List<String> BUILT_IN_NAMES =
      List.of("valid", "expired", "wrong-host", "untrusted");

  private static final String CA_ALIAS = "smtpmock-test-ca";

  private static final String RESOURCE_DIR = "/dev/smtpmock/tls/";
  private static final String PASSWORD = "smtpmock";

  // Building an SSLContext means decrypting a PKCS#12 store; a test suite starts many servers.
  private static final Map<String, SSLContext> SERVER_CONTEXTS = new ConcurrentHashMap<>();

  private TlsMaterial() {}

  /** A new, mutable in-memory PKCS#12 store whose only entry is the test CA, trusted. */
  public static KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry(CA_ALIAS, Ca.CERTIFICATE);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the test CA trust store", e);
    }
  }

  /** The test CA certificate in PEM form, for clients configured by file. */
  public static String caCertificatePem() {
    return Ca.PEM;
  }

  /**
   * A server context for one of {@link #BUILT_IN_NAMES}.
   *
   * @throws IllegalArgumentException if {@code builtInName} is not one of them
   */
  public static SSLContext serverContext(String builtInName) {
    Objects.requireNonNull(builtInName, "builtInName");
    if (!BUILT_IN_NAMES.contains(builtInName)) {
      throw new IllegalArgumentException(
          "unknown built-in TLS certificate '"
              + builtInName
              + "'; allowed: "
              + String.join(", ", BUILT_IN_NAMES));
    }
    return SERVER_CONTEXTS.computeIfAbsent(
        builtInName,
        name -> {
          try {
            char[] password = PASSWORD.toCharArray();
            return keyManagingContext(loadPkcs12(resource(name + ".p12"), password), password);
          } catch (IOException | GeneralSecurityException e) {
            // The resources are generated and committed; failing here means a broken build.
            throw new IllegalStateException("cannot load built-in TLS material '" + name + "'", e);
          }
        });
  }

  /**
   * A server context for a user-supplied PKCS#12 keystore. Not cached: the file may change between
   * runs.
   *
   * @throws IllegalArgumentException if the file cannot be read, decrypted or holds no key
   */
  public static SSLContext serverContext(Path keystore, char[] password) {
    Objects.requireNonNull(keystore, "keystore");
    Objects.requireNonNull(password, "password");
    try {
      return keyManagingContext(userKeystore(keystore, password), password);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use keystore " + keystore + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot use keystore " + keystore + ": " + e.getMessage(), e);
    }
  }

  /**
   * A user-supplied PKCS#12 keystore, opened with its password and holding a private key: what
   * {@link #serverContext(Path, char[])} needs. The scenario loader calls it so that a bad keystore
   * is refused at its key in the file rather than when a server starts.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException saying what is wrong with the contents and how to fix it, not
   *     naming the file (the caller knows how it was written)
   */
  public static KeyStore userKeystore(Path keystore, char[] password) throws IOException {
    byte[] bytes = Files.readAllBytes(keystore);
    KeyStore store;
    try {
      store = loadPkcs12(bytes, password);
    } catch (IOException e) {
      // PKCS12KeyStore reports a failed integrity check, i.e. the wrong password, this way
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new IllegalArgumentException(
            "the password does not open this keystore — give the password it was made with"
                + " (keytool -storepass)",
            e);
      }
      throw notPkcs12(e);
    } catch (GeneralSecurityException e) {
      throw notPkcs12(e);
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          return store;
        }
      }
    } catch (KeyStoreException e) {
      throw notPkcs12(e);
    }
    // Otherwise the failure would surface only at the first handshake, far from its cause.
    throw new IllegalArgumentException(
        "this keystore holds no private key entry for the server — put the server's key and"
            + " certificate chain in it (keytool -genkeypair or -importkeystore)");
  }

  private static IllegalArgumentException notPkcs12(Exception e) {
    return new IllegalArgumentException(
        "this is not a PKCS#12 keystore ("
            + e.getMessage()
            + ") — convert it: keytool -importkeystore -deststoretype pkcs12",
        e);
  }

  /** A client context whose only trust anchor is the test CA (not the JDK's default CAs). */
  public static SSLContext clientContextTrustingCa() {
    return Ca.CLIENT_CONTEXT;
  }

  private static SSLContext keyManagingContext(KeyStore store, char[] password)
      throws GeneralSecurityException {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }

  private static KeyStore loadPkcs12(byte[] bytes, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(bytes), password);
    return store;
  }

  private static byte[] resource(String name) {
    try (InputStream in = TlsMaterial.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE_DIR + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + RESOURCE_DIR + name, e);
    }
  }

  /** Lazy holder: the CA is parsed once, on first use, by the JVM's class-init lock. */
  private static final class Ca {
    static final String PEM = new String(resource("ca.pem"), StandardCharsets.US_ASCII);
    static final X509Certificate CERTIFICATE = parse(PEM);
    static final SSLContext CLIENT_CONTEXT = clientContext();

    private static X509Certificate parse(String pem) {
      try {
        return (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot parse the test CA certificate", e);
      }
    }

    private static SSLContext clientContext() {
      try {
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot build the client context trusting the test CA", e);
      }
    }
  }
}
