package io.trustchain.cli;

/** Output formats of plan, apply and facts. */
enum Format {
  text,
  json
}
