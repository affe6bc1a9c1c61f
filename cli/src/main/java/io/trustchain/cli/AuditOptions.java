package io.trustchain.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where apply appends its audit log: {@code --audit-log FILE}, else {@code TRUSTCHAIN_AUDIT_LOG}, else
 * {@code .trustchain/audit.jsonl} in the working directory (beside the lab's state, ignored by git);
 * {@code --no-audit-log} turns it off.
 */
public final class AuditOptions {

  static final String DEFAULT = ".trustchain/audit.jsonl";

  @Option(names = "--audit-log", paramLabel = "FILE",
      description = "Append the audit log (JSON lines: when, who, host, change, result) to FILE. Default: "
          + "$TRUSTCHAIN_AUDIT_LOG, else " + DEFAULT + ".")
  Path file;

  @Option(names = "--no-audit-log", description = "Do not write the audit log.")
  boolean off;

  Optional<Path> file(CliEnvironment environment) {
    if (off) {
      if (file != null) {
        throw UserException.usage("--audit-log and --no-audit-log exclude each other");
      }
      return Optional.empty();
    }
    if (file != null) {
      return Optional.of(environment.cwd().resolve(file));
    }
    String env = environment.env().get("TRUSTCHAIN_AUDIT_LOG");
    return Optional.of(environment.cwd().resolve(env != null && !env.isBlank() ? env : DEFAULT));
  }
}
