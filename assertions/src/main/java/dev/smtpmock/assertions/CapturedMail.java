package dev.smtpmock.assertions;

import java.util.List;

/**
 * Everything one server captured: its sessions and its accepted messages, oldest first. An in-JVM
 * server and a container's client both are one.
 */
public interface CapturedMail {
  List<? extends CapturedSession> sessions();

  /** The accepted messages, in order. */
  List<? extends CapturedMessage> messages();
}
