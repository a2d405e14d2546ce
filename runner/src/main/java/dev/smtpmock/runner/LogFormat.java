package dev.smtpmock.runner;

/** How the live output is written: for people, or one JSON object per line for machines. */
enum LogFormat {
  text,
  json
}
