package io.trustchain.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * {@code com.apple.MCX cachedaccounts.askForSecureTokenAuthBypass}: when the bypass is set, mobile
 * accounts are NOT prompted for a token holder's credentials at first login.
 *
 * @param secureTokenPrompt true when mobile accounts are prompted (the macOS default); null when the
 *     output did not say (reading it then throws {@link NotUnderstoodException})
 */
public record MobileAccountsFacts(Boolean secureTokenPrompt, @JsonIgnore Unknowns unknowns) {

  public MobileAccountsFacts {
    unknowns = unknowns == null ? Unknowns.NONE : unknowns.at("mobile_accounts");
  }

  public MobileAccountsFacts(Boolean secureTokenPrompt) {
    this(secureTokenPrompt, Unknowns.NONE);
  }

  /** This record seeing the host's not-understood entries (facts package only: the assembler). */
  MobileAccountsFacts attach(Unknowns host) {
    return new MobileAccountsFacts(secureTokenPrompt, host);
  }

  @Override
  public Boolean secureTokenPrompt() {
    unknowns.check("secure_token_prompt");
    return secureTokenPrompt;
  }
}
