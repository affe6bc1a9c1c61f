package io.trustchain.macos.passwords;

import io.trustchain.secret.SecretRef;
import io.trustchain.spi.Credential;
import io.trustchain.transport.Arg;
import io.trustchain.transport.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code sysadminctl} command line whose passwords are never on it: each is passed as {@code -} ("Pass '-'
 * instead of password in commands above to request prompt. … This preferred for security reasons": Apple's own
 * usage text, macos-reference S21/S22) and answered on stdin, one line per prompt. With no terminal, the prompts
 * read standard input; freegeek-pdx/mkuser (mkuser.sh, tested on macOS 10.13 to 12) grants tokens with
 * {@code printf '%s\n' ADMIN_PW USER_PW | sysadminctl -secureTokenOn USER -password - -adminUser ADMIN
 * -adminPassword -}: the authorising admin's password is read first, then the others, in the order of the
 * arguments. Ordering the other verbs' prompts the same way is inferred from that (their prompts are the same
 * "Pass '-' instead of password" mechanism).
 *
 * <pre>
 * Sysadminctl.call("-secureTokenOn", "alice").password("-password", alicePw).admin(credential).command()
 *   → sysadminctl -secureTokenOn alice -password - -adminUser tcadmin -adminPassword -   (stdin: admin, alice)
 * </pre>
 */
public final class Sysadminctl {

  private final List<String> words = new ArrayList<>();
  private final List<SecretRef> prompts = new ArrayList<>();
  private Credential admin;

  private Sysadminctl(String verb, String target) {
    words.add("sysadminctl");
    words.add(verb);
    words.add(target);
  }

  /** {@code sysadminctl VERB TARGET}, e.g. {@code -resetPasswordFor alice}. */
  public static Sysadminctl call(String verb, String target) {
    return new Sysadminctl(Objects.requireNonNull(verb, "verb == null"), Objects.requireNonNull(target, "target == null"));
  }

  /** More literal words ({@code -fullName F}, {@code -admin}, …). */
  public Sysadminctl with(String... more) {
    for (String w : more) {
      words.add(Objects.requireNonNull(w, "word == null"));
    }
    return this;
  }

  /** {@code OPTION -}, answered with {@code password} on stdin ({@code -password}, {@code -newPassword}, …). */
  public Sysadminctl password(String option, SecretRef password) {
    words.add(option);
    words.add("-");
    prompts.add(Objects.requireNonNull(password, "password == null"));
    return this;
  }

  /** {@code -adminUser C -adminPassword -}: the credential authorises, its password answers the first prompt. */
  public Sysadminctl admin(Credential credential) {
    this.admin = Objects.requireNonNull(credential, "credential == null");
    return this;
  }

  public Command command() {
    List<String> argv = new ArrayList<>(words);
    List<Arg> stdin = new ArrayList<>();
    if (admin != null) {
      argv.addAll(List.of("-adminUser", admin.user(), "-adminPassword", "-"));
      line(stdin, admin.password());
    }
    prompts.forEach(p -> line(stdin, p));
    Command c = Command.of(argv.toArray(String[]::new));
    return stdin.isEmpty() ? c : c.withStdin(stdin);
  }

  private static void line(List<Arg> stdin, SecretRef password) {
    stdin.add(Arg.secret(password));
    stdin.add(Arg.literal("\n"));
  }
}
