package dev.smtpmock.bench;

/** The servers compared. */
public enum Peer {
  SMTPMOCK("smtpmock"),
  GREENMAIL("GreenMail"),
  WISER("Wiser"),
  SMTP_SINK("smtp-sink");

  private final String label;

  Peer(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean java() {
    return this != SMTP_SINK;
  }
}
