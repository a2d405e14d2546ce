package dev.smtpmock.scenario;

import dev.smtpmock.internal.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a scenario's own keystore at load (SPEC 2.1 {@code tls}, 2.10), so that a missing file or a
 * wrong password is reported at its key by {@code validate} and {@code PUT /api/scenario} instead
 * of failing the server's start with no position. Only a scenario that names a keystore pays for
 * it.
 */
final class KeystoreCheck {
  private KeystoreCheck() {}

  /**
   * What is wrong with the keystore at {@code path}, or null when a server can use it.
   *
   * @param written the path as the scenario wrote it, which is what the user can find and fix
   */
  static String problem(Path path, String written, String password) {
    if (!Files.isRegularFile(path)) {
      return "keystore: there is no file "
          + written
          + " — give the path of your PKCS#12 keystore, absolute or relative to the scenario"
          + " file's folder";
    }
    try {
      TlsMaterial.userKeystore(path, password.toCharArray());
      return null;
    } catch (IOException e) {
      return "keystore: cannot read " + written + ": " + e.getMessage();
    } catch (IllegalArgumentException e) {
      // at the keystore key, so the problem needs no path of its own
      return "keystore: " + e.getMessage();
    }
  }
}
