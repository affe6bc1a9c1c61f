package io.trustchain.run;

import io.trustchain.inventory.ConnectionSpec;
import io.trustchain.spi.Credential;
import io.trustchain.secret.SecretRef;
import io.trustchain.spi.BoundResource;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fingerprint of what the documents ask of one host, for saved plans: its connection (address,
 * port, user, become), and each bound resource in apply order with its module, play, credential and
 * typed parameters, written in a canonical form (records field by field, maps sorted, secrets as
 * their references — a vault value by the SHA-256 of its ciphertext, never a value). Any change to
 * the inventory, group or host vars, vars files or playbooks that changes what a host gets changes
 * its digest; edits that change nothing (comments, other hosts) do not. Paths inside {@code base}
 * (the working directory) are written relative to it, so a checkout at another path digests the
 * same.
 */
public final class DesiredDigest {

  /**
   * Vault ciphertext → its SHA-256: the same few values (group vars) are digested for every host, twice
   * per plan, so each is hashed once per run.
   */
  private static final Map<String, String> ENVELOPES = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A record class's name and components, looked up once per class: {@code getRecordComponents()} copies
   * each accessor, and a copy made accessible anew builds its reflective accessor again at its first
   * call (≈0.15 ms a host in {@code plan}, for a dozen records).
   */
  private static final ClassValue<Components> COMPONENTS = new ClassValue<>() {
    @Override
    protected Components computeValue(Class<?> type) {
      RecordComponent[] rcs = type.getRecordComponents();
      String[] names = new String[rcs.length];
      Method[] accessors = new Method[rcs.length];
      for (int i = 0; i < rcs.length; i++) {
        names[i] = rcs[i].getName();
        accessors[i] = rcs[i].getAccessor();
        try {
          accessors[i].setAccessible(true);
        } catch (RuntimeException e) {
          // written as "?" when invoked, as before
        }
      }
      return new Components(type.getSimpleName(), names, accessors);
    }
  };

  private record Components(String simpleName, String[] names, Method[] accessors) {}

  private final String base;

  private DesiredDigest(Path base) {
    this.base = base.toAbsolutePath().normalize() + "/";
  }

  public static String of(Target target, Path base) {
    return new DesiredDigest(base).digest(target);
  }

  private String digest(Target target) {
    StringBuilder b = new StringBuilder("host ").append(quote(target.host())).append('\n');
    ConnectionSpec c = target.connection();
    b.append("connect ").append(quote(c.user())).append('@').append(quote(c.address())).append(':').append(c.port())
        .append(" become=").append(c.become()).append(' ')
        .append(c.becomePassword().map(this::secret).orElse("none")).append('\n');
    for (BoundResource<?> r : target.resources()) {
      b.append("resource ").append(r.address()).append(" module=").append(quote(r.module().name()))
          .append(" play=").append(quote(String.valueOf(r.play())))
          .append(" credential=").append(credential(r.credential())).append('\n');
      b.append("  ").append(canonical(r.params())).append('\n');
    }
    return sha256(b.toString());
  }

  String canonical(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value);
    return b.toString();
  }

  private void write(StringBuilder b, Object value) {
    switch (value) {
      case null -> b.append("null");
      case String s -> b.append(quote(s));
      case Number n -> b.append(n);
      case Boolean bool -> b.append(bool);
      case Enum<?> e -> b.append(e.name());
      case Path p -> b.append(quote(relative(p.toString())));
      case SecretRef ref -> b.append(secret(ref));
      case Optional<?> o -> {
        if (o.isPresent()) {
          write(b, o.get());
        } else {
          b.append("none");
        }
      }
      case Map<?, ?> m -> {
        TreeMap<String, Object> sorted = new TreeMap<>();
        m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        b.append('{');
        sorted.forEach((k, v) -> {
          b.append(quote(k)).append(':');
          write(b, v);
          b.append(',');
        });
        b.append('}');
      }
      case Collection<?> c -> {
        b.append('[');
        c.forEach(v -> {
          write(b, v);
          b.append(',');
        });
        b.append(']');
      }
      case Record r -> {
        Components components = COMPONENTS.get(r.getClass());
        b.append(components.simpleName()).append('{');
        for (int i = 0; i < components.names().length; i++) {
          b.append(components.names()[i]).append('=');
          try {
            write(b, components.accessors()[i].invoke(r));
          } catch (ReflectiveOperationException | RuntimeException e) {
            b.append("?");
          }
          b.append(',');
        }
        b.append('}');
      }
      default -> b.append(quote(value.getClass().getSimpleName() + ":" + value));
    }
  }

  private String credential(Credential c) {
    return c == null ? "none" : quote(c.user()) + "/" + secret(c.password());
  }

  private String secret(SecretRef ref) {
    return switch (ref) {
      case SecretRef.Vault v -> "secret(vault:" + quote(relative(v.origin())) + ":"
          + ENVELOPES.computeIfAbsent(v.envelope(), DesiredDigest::sha256) + ")";
      case SecretRef.Command c -> "secret(" + quote(c.describe()) + " in " + quote(relative(c.workDir().toString())) + ")";
      case SecretRef.File f -> "secret(file:" + quote(relative(f.path().toString())) + ")";
      case SecretRef.Xml x -> "xml(" + secret(x.of()) + ")";
      default -> "secret(" + quote(ref.describe()) + ")";
    };
  }

  /** {@code text} with the working directory replaced by {@code ./} when it starts with it. */
  private String relative(String text) {
    return text.startsWith(base) ? "./" + text.substring(base.length()) : text;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One digest over every target's, in order (the plan's {@code documents_digest} with the playbooks'). */
  public static String documents(Loaded loaded, Path base) {
    DesiredDigest d = new DesiredDigest(base);
    StringBuilder b = new StringBuilder(loaded.documentsDigest()).append('\n');
    for (Target t : loaded.targets()) {
      b.append(t.host()).append(' ').append(d.digest(t)).append('\n');
    }
    return sha256(b.toString());
  }
}
