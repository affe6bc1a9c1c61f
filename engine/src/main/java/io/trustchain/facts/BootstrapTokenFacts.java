package io.trustchain.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * {@code profiles status -type bootstraptoken}: one line (unsupported) or two. A field is null when
 * the output did not give it; reading one that was not understood throws {@link NotUnderstoodException}.
 */
public record BootstrapTokenFacts(Boolean supported, Boolean escrowed, @JsonIgnore Unknowns unknowns) {

  public BootstrapTokenFacts {
    unknowns = unknowns == null ? Unknowns.NONE : unknowns.at("bootstrap_token");
  }

  public BootstrapTokenFacts(Boolean supported, Boolean escrowed) {
    this(supported, escrowed, Unknowns.NONE);
  }

  /** This record seeing the host's not-understood entries (facts package only: the assembler). */
  BootstrapTokenFacts attach(Unknowns host) {
    return new BootstrapTokenFacts(supported, escrowed, host);
  }

  @Override
  public Boolean supported() {
    unknowns.check("supported");
    return supported;
  }

  @Override
  public Boolean escrowed() {
    unknowns.check("escrowed");
    return escrowed;
  }
}
