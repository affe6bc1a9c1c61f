package io.trustchain.secret;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a secret comes from: what documents, parameters, commands and saved plans hold. A reference
 * is safe to print ({@link #describe()}); its value is fetched only by a {@link SecretResolver} when
 * a command is about to run.
 */
public sealed interface SecretRef
    permits SecretRef.Env, SecretRef.File, SecretRef.Command, SecretRef.Vault, SecretRef.Escrow, SecretRef.Prompted,
    SecretRef.Xml {

  /** The reference as written, e.g. {@code env:TRUSTCHAIN_TCADMIN_PASSWORD}; never the value. */
  String describe();

  /** {@code !secret env:NAME}: an environment variable of the trustchain process. */
  record Env(String name) implements SecretRef {
    public Env {
      Objects.requireNonNull(name, "name == null");
    }

    @Override
    public String describe() {
      return "env:" + name;
    }
  }

  /**
   * {@code !secret file:PATH}: a file's contents, one trailing newline removed. {@code path} is
   * resolved against the directory of the document that named it.
   */
  record File(Path path) implements SecretRef {
    public File {
      Objects.requireNonNull(path, "path == null");
    }

    @Override
    public String describe() {
      return "file:" + path;
    }
  }

  /**
   * {@code !secret command:CMD}: the standard output of {@code /bin/sh -c CMD} run on the
   * controller in {@code workDir}, one trailing newline removed.
   */
  record Command(String command, Path workDir) implements SecretRef {
    public Command {
      Objects.requireNonNull(command, "command == null");
      Objects.requireNonNull(workDir, "workDir == null");
    }

    @Override
    public String describe() {
      return "command:" + command;
    }
  }

  /**
   * An Ansible Vault value ({@code !vault |} inline, or a vault-encrypted vars file): the
   * ciphertext envelope ({@code $ANSIBLE_VAULT;1.1;AES256 ...}) and where it was written.
   */
  record Vault(String envelope, String origin) implements SecretRef {
    public Vault {
      Objects.requireNonNull(envelope, "envelope == null");
      Objects.requireNonNull(origin, "origin == null");
    }

    @Override
    public String describe() {
      return "vault:" + origin;
    }

    @Override
    public String toString() {
      return "Vault[" + origin + "]";
    }
  }

  /**
   * The value of {@code of} escaped for XML character data ({@code &}, {@code <}, {@code >} as entities): what a
   * property list's {@code <string>} holds, so no value can end the element or open markup (fdesetup's input
   * plist). Resolved by resolving {@code of}.
   */
  record Xml(SecretRef of) implements SecretRef {
    public Xml {
      Objects.requireNonNull(of, "of == null");
      if (of instanceof Xml) {
        throw new IllegalArgumentException("escaping twice: " + of.describe());
      }
    }

    @Override
    public String describe() {
      return of.describe();
    }

    /** {@code value} escaped for XML character data. */
    public static char[] escape(char[] value) {
      StringBuilder out = new StringBuilder(value.length + 16);
      for (char c : value) {
        switch (c) {
          case '&' -> out.append("&amp;");
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          default -> out.append(c);
        }
      }
      char[] escaped = new char[out.length()];
      out.getChars(0, out.length(), escaped, 0);
      out.setLength(0);
      return escaped;
    }
  }

  /** A value kept in the escrow store under {@code key} (e.g. a recovery key read back). */
  record Escrow(String key) implements SecretRef {
    public Escrow {
      Objects.requireNonNull(key, "key == null");
    }

    @Override
    public String describe() {
      return "escrow:" + key;
    }
  }

  /**
   * A secret the operator typed at a prompt for this run ({@code -K}: the become password); it lives
   * only in the resolver's memory.
   */
  record Prompted(String label) implements SecretRef {
    public Prompted {
      Objects.requireNonNull(label, "label == null");
    }

    @Override
    public String describe() {
      return "prompt:" + label;
    }
  }
}
