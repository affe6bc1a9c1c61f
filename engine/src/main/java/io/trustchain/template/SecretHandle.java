package io.trustchain.template;

import io.trustchain.secret.SecretRef;

/**
 * A {@link SecretRef} as Jinjava sees it: it can be passed whole ({@code "{{ alice_pw }}"}), tested
 * and defaulted, but turning it into text is an error reported to the session.
 */
final class SecretHandle {

  private final RenderSession session;
  private final SecretRef ref;
  private final String name;

  SecretHandle(RenderSession session, SecretRef ref, String name) {
    this.session = session;
    this.ref = ref;
    this.name = name;
  }

  SecretRef ref() {
    return ref;
  }

  TemplateException error() {
    return new TemplateException("a secret cannot be interpolated into text (\"" + name + "\" holds one);"
        + " pass it whole: password: \"{{ " + name + " }}\"");
  }

  @Override
  public String toString() {
    session.fail(error());
    return "";
  }
}
