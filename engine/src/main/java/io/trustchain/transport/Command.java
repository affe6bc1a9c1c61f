package io.trustchain.transport;

import io.trustchain.secret.SecretRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A command as data: the argv (the tool by its bare name first) and, optionally, what to feed its
 * standard input (pieces concatenated; empty means no input). Secrets are references, so a command
 * can sit in a saved plan. {@code toString()} is {@link #display()}, which masks secrets.
 *
 * <p>Two optional extensions: {@code stdoutFile}, an absolute path on the Mac that receives the
 * command's standard output (created with umask 077, so only root reads it), and {@code capture},
 * which marks the command's standard output as a secret for the escrow store (see {@link Capture}).
 * A command has at most one of them.
 *
 * @param stdoutFile where standard output goes on the Mac, or null (it comes back to the engine)
 * @param capture how the engine keeps this command's (secret) standard output, or null
 */
public record Command(List<Arg> argv, List<Arg> stdin, String stdoutFile, Capture capture, EscrowStep escrowStep) {

  public Command {
    argv = List.copyOf(argv);
    stdin = List.copyOf(stdin);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv is empty");
    }
    if (!(argv.get(0) instanceof Arg.Literal)) {
      throw new IllegalArgumentException("the program name must be a literal");
    }
    if (stdoutFile != null && (!stdoutFile.startsWith("/") || stdoutFile.contains("\n"))) {
      throw new IllegalArgumentException("stdoutFile must be an absolute path, not \"" + stdoutFile + "\"");
    }
    if (stdoutFile != null && capture != null) {
      throw new IllegalArgumentException("a captured command's output comes back to the engine: no stdoutFile");
    }
    if (escrowStep != null && (stdoutFile != null || capture != null || !stdin.isEmpty())) {
      throw new IllegalArgumentException("an escrow step runs on the controller: no stdin, stdoutFile or capture");
    }
  }

  /** A command that may capture its output (no escrow step). */
  public Command(List<Arg> argv, List<Arg> stdin, String stdoutFile, Capture capture) {
    this(argv, stdin, stdoutFile, capture, null);
  }

  /** The controller's escrow work between two execs ({@link EscrowStep}); nothing of it reaches the Mac. */
  public static Command escrow(EscrowStep step) {
    Objects.requireNonNull(step, "step == null");
    String verb = switch (step) {
      case EscrowStep.Keep k -> "keep";
      case EscrowStep.Promote p -> "promote";
      case EscrowStep.Discard d -> "discard";
    };
    return new Command(List.of(Arg.literal("trustchain-escrow"), Arg.literal(verb)), List.of(), null, null, step);
  }

  /** A command whose output comes back to the engine (the common case). */
  public Command(List<Arg> argv, List<Arg> stdin) {
    this(argv, stdin, null, null);
  }

  public static Command of(String... words) {
    List<Arg> argv = new ArrayList<>();
    for (String w : words) {
      argv.add(Arg.literal(Objects.requireNonNull(w, "word == null")));
    }
    return new Command(argv, List.of());
  }

  /** This command with more literal words appended. */
  public Command with(String... words) {
    List<Arg> argv = new ArrayList<>(this.argv);
    for (String w : words) {
      argv.add(Arg.literal(Objects.requireNonNull(w, "word == null")));
    }
    return new Command(argv, stdin, stdoutFile, capture, escrowStep);
  }

  /** This command with a secret word appended (passed from a stdin-fed shell variable). */
  public Command withSecret(SecretRef ref) {
    List<Arg> argv = new ArrayList<>(this.argv);
    argv.add(Arg.secret(ref));
    return new Command(argv, stdin, stdoutFile, capture, escrowStep);
  }

  /** This command with its standard input set to the concatenation of {@code pieces}. */
  public Command withStdin(List<Arg> pieces) {
    return new Command(argv, pieces, stdoutFile, capture, escrowStep);
  }

  /** This command with its standard output written to {@code path} on the Mac (umask 077). */
  public Command toFile(String path) {
    return new Command(argv, stdin, Objects.requireNonNull(path, "path == null"), capture, escrowStep);
  }

  /** This command with its standard output kept by the engine as a secret (see {@link Capture}). */
  public Command capturing(Capture how) {
    return new Command(argv, stdin, stdoutFile, Objects.requireNonNull(how, "how == null"), escrowStep);
  }

  public String program() {
    return ((Arg.Literal) argv.get(0)).value();
  }

  public boolean hasSecrets() {
    return argv.stream().anyMatch(a -> a instanceof Arg.Sensitive)
        || stdin.stream().anyMatch(a -> a instanceof Arg.Sensitive);
  }

  /** Whether this is the controller's escrow work, never sent to the Mac. */
  public boolean isEscrowStep() {
    return escrowStep != null;
  }

  /** Whether the exec that runs this command ends with it: a capture, or an escrow step (which ends the exec before it). */
  public boolean endsExec() {
    return capture != null || escrowStep != null;
  }

  /** Whether this command's output is a secret the engine keeps (it runs in an exec of its own). */
  public boolean isCapture() {
    return capture != null;
  }

  /**
   * Shell-quoted, secrets shown as {@code (sensitive)}; {@code > FILE} for a redirection, stdin
   * shown as {@code <<< (…)}, a capture as {@code (output captured: RecoveryKey → escrow item)}.
   */
  public String display() {
    if (escrowStep != null) {
      return escrowStep.display();
    }
    StringBuilder line = new StringBuilder();
    for (Arg a : argv) {
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(a instanceof Arg.Literal l ? ShellQuote.quote(shown(l.value())) : "(sensitive)");
    }
    if (stdoutFile != null) {
      line.append(" > ").append(ShellQuote.quote(stdoutFile));
    }
    if (!stdin.isEmpty()) {
      boolean secret = false;
      for (Arg a : stdin) {
        secret |= a instanceof Arg.Sensitive;
      }
      line.append(secret ? " <<< (sensitive input)" : " <<< (input)");
    }
    if (capture != null) {
      line.append(" (output captured: ").append(capture).append(')');
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return display();
  }

  /** A program text given as one word (osascript -e, expect -c) is shown by its first line only. */
  private static String shown(String word) {
    int nl = word.indexOf('\n');
    return nl < 0 ? word : word.substring(0, nl) + " …";
  }

  /** Whether this command passes {@code ref}'s value (as it is, or escaped: {@link SecretRef.Xml}). */
  public boolean uses(SecretRef ref) {
    return secrets().stream().anyMatch(s -> s.equals(ref) || (s instanceof SecretRef.Xml x && x.of().equals(ref)));
  }

  /** The secret references of this command, in order of appearance. */
  public List<SecretRef> secrets() {
    List<SecretRef> refs = new ArrayList<>();
    for (Arg a : argv) {
      if (a instanceof Arg.Sensitive s) {
        refs.add(s.ref());
      }
    }
    for (Arg a : stdin) {
      if (a instanceof Arg.Sensitive s) {
        refs.add(s.ref());
      }
    }
    return refs;
  }
}
