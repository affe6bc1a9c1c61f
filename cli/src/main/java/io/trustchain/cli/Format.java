package io.trustchain.cli;

/** Output formats of plan, apply and facts ({@code markdown}: plan only, for pull-request comments). */
enum Format {
  text,
  json,
  markdown;

  /** Refuses {@code markdown} for commands that only print text or JSON. */
  Format textOrJson(String command) {
    if (this == markdown) {
      throw UserException.usage(command + " --format takes text or json (markdown is for plan)");
    }
    return this;
  }
}
