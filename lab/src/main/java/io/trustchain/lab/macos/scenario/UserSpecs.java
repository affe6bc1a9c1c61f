package io.trustchain.lab.macos.scenario;

import io.trustchain.diag.Diagnostics;
import io.trustchain.lab.macos.rules.SecureTokens;
import io.trustchain.lab.macos.rules.Users;
import io.trustchain.lab.macos.state.Account;
import io.trustchain.lab.macos.state.AuthAuthority;
import io.trustchain.lab.macos.state.MacState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** The {@code users:} list of a scenario: each entry becomes a local account in the starting state. */
final class UserSpecs {

  static final Set<String> KEYS = Set.of("name", "full_name", "uid", "gid", "shell", "home", "hidden", "admin",
      "secure_token", "volume_owner", "password", "password_file", "hint", "setup_assistant", "disabled_tags",
      "disabled", "mobile", "managed_admin", "logged_in", "generated_uid");

  private UserSpecs() {}

  static void load(Fields top, MacState state) {
    Diagnostics d = top.diagnostics();
    boolean setupAssistantSeen = false;
    long created = state.clock().nowMillis();
    // The Setup Assistant user's token was the volume's first one: grant it first (crypto-user order).
    List<Node> items = top.list("users");
    List<Node> ordered = new ArrayList<>(items.stream().filter(UserSpecs::isSetupAssistant).toList());
    items.stream().filter(n -> !isSetupAssistant(n)).forEach(ordered::add);
    for (Node item : ordered) {
      Optional<Fields> of = Fields.of(item, top.file(), d, "a user", KEYS);
      if (of.isEmpty()) {
        continue;
      }
      Fields u = of.get();
      Optional<String> name = u.text("name");
      if (name.isEmpty()) {
        d.error(u.at(), "a user needs a name", "add name: SHORTNAME");
        continue;
      }
      if (state.user(name.get()).isPresent()) {
        d.error(u.at("name"), "user " + name.get() + " is listed twice (or is a built-in account)");
        continue;
      }
      Account a = Users.create(state, name.get(), u.integer("uid").orElse(null), u.integer("gid").orElse(null),
          u.text("full_name").orElse(null), u.text("shell").orElse(null), u.text("home").orElse(null));
      u.text("generated_uid").ifPresent(a::generatedUid);
      state.files().mkdirs(a.home());
      a.hidden(u.bool("hidden", false));
      u.text("hint").ifPresent(a::hint);
      a.mobile(u.bool("mobile", false));
      a.managedAdmin(u.bool("managed_admin", false));
      Optional<String> password = password(u);
      if (password.isPresent()) {
        a.setPassword(password.get(), true, created);
        a.authenticationAuthority().add(AuthAuthority.kerberos(a.name(), state.host() + "/" + a.generatedUid()));
      }
      if (u.bool("disabled_tags", false)) {
        a.authenticationAuthority().add(AuthAuthority.DISABLED_TAGS_SECURE_TOKEN);
      }
      if (u.bool("disabled", false)) {
        a.authenticationAuthority().add(AuthAuthority.DISABLED_USER);
      }
      boolean setupAssistant = u.bool("setup_assistant", false);
      boolean token = u.bool("secure_token", false);
      if (setupAssistant) {
        if (setupAssistantSeen) {
          d.error(u.at("setup_assistant"), "only one user can be the Setup Assistant user");
        }
        setupAssistantSeen = true;
        if (!token) {
          d.error(u.at("setup_assistant"), "the Setup Assistant user received the volume's first Secure Token",
              "set secure_token: true for " + a.name() + ", or drop setup_assistant");
        }
      }
      if (token) {
        if (password.isEmpty()) {
          d.error(u.at("secure_token"), "a Secure Token holder needs a password",
              "add password_file: ../secrets/" + a.name());
        }
        SecureTokens.grant(state, a,
            setupAssistant ? SecureTokens.Placement.AFTER_SHADOW_HASH : SecureTokens.Placement.AT_END);
      }
      u.bool("volume_owner").ifPresent(owner -> {
        if (!state.os().volumeOwnership()) {
          u.error("volume_owner", "volume ownership exists only on Apple silicon with macOS 11 or later",
              "drop volume_owner for this " + state.os() + " Mac");
        }
        a.volumeOwner(owner);
      });
      if (u.bool("admin", false)) {
        state.adminGroup().add(a.name());
      }
      if (u.bool("logged_in", false)) {
        state.loggedIn().add(a.name());
      }
    }
  }

  /** A quiet first look (problems are reported when the entry is read for real). */
  private static boolean isSetupAssistant(Node item) {
    Optional<Fields> f = Fields.of(item, Path.of("-"), new Diagnostics(), "a user", KEYS);
    return f.isPresent() && f.get().bool("setup_assistant", false);
  }

  /** The inline password, or the first line of the password file (relative to the scenario). */
  private static Optional<String> password(Fields u) {
    if (u.has("password") && u.has("password_file")) {
      u.error("password", "give either password or password_file, not both", null);
    }
    if (u.has("password")) {
      return u.text("password");
    }
    Optional<String> ref = u.text("password_file");
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    Path path = u.file().toAbsolutePath().getParent().resolve(ref.get()).normalize();
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      String first = text.lines().findFirst().orElse("");
      if (first.isEmpty()) {
        u.error("password_file", "password file " + ref.get() + " is empty", "write the password on its first line");
        return Optional.empty();
      }
      return Optional.of(first);
    } catch (IOException e) {
      u.error("password_file", "cannot read password file " + ref.get() + " (resolved to " + path + ")",
          "the path is relative to the scenario file");
      return Optional.empty();
    }
  }
}
