package io.trustchain.transport;

import io.trustchain.secret.SecretRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A command as data: the argv (the tool by its bare name first) and, optionally, what to feed its
 * standard input (pieces concatenated; empty means no input). Secrets are references, so a command
 * can sit in a saved plan. {@code toString()} is {@link #display()}, which masks secrets.
 */
public record Command(List<Arg> argv, List<Arg> stdin) {

  public Command {
    argv = List.copyOf(argv);
    stdin = List.copyOf(stdin);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv is empty");
    }
    if (!(argv.get(0) instanceof Arg.Literal)) {
      throw new IllegalArgumentException("the program name must be a literal");
    }
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
    return new Command(argv, stdin);
  }

  /** This command with a secret word appended (passed from a stdin-fed shell variable). */
  public Command withSecret(SecretRef ref) {
    List<Arg> argv = new ArrayList<>(this.argv);
    argv.add(Arg.secret(ref));
    return new Command(argv, stdin);
  }

  /** This command with its standard input set to the concatenation of {@code pieces}. */
  public Command withStdin(List<Arg> pieces) {
    return new Command(argv, pieces);
  }

  public String program() {
    return ((Arg.Literal) argv.get(0)).value();
  }

  public boolean hasSecrets() {
    return argv.stream().anyMatch(a -> a instanceof Arg.Sensitive)
        || stdin.stream().anyMatch(a -> a instanceof Arg.Sensitive);
  }

  /** Shell-quoted, secrets shown as {@code (sensitive)}; stdin shown as {@code <<< (…)}. */
  public String display() {
    String line = argv.stream()
        .map(a -> a instanceof Arg.Literal l ? ShellQuote.quote(l.value()) : "(sensitive)")
        .collect(Collectors.joining(" "));
    if (stdin.isEmpty()) {
      return line;
    }
    boolean secret = stdin.stream().anyMatch(a -> a instanceof Arg.Sensitive);
    return line + (secret ? " <<< (sensitive input)" : " <<< (input)");
  }

  @Override
  public String toString() {
    return display();
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
