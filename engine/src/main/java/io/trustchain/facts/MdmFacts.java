package io.trustchain.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * {@code profiles status -type enrollment}. A field is null when the output did not give it; reading
 * one that was not understood throws {@link NotUnderstoodException}.
 */
public record MdmFacts(Boolean enrolled, Boolean dep, Boolean userApproved, @JsonIgnore Unknowns unknowns) {

  public MdmFacts {
    unknowns = unknowns == null ? Unknowns.NONE : unknowns.at("mdm");
  }

  public MdmFacts(Boolean enrolled, Boolean dep, Boolean userApproved) {
    this(enrolled, dep, userApproved, Unknowns.NONE);
  }

  /** This record seeing the host's not-understood entries (facts package only: the assembler). */
  MdmFacts attach(Unknowns host) {
    return new MdmFacts(enrolled, dep, userApproved, host);
  }

  @Override
  public Boolean enrolled() {
    unknowns.check("enrolled");
    return enrolled;
  }

  @Override
  public Boolean dep() {
    unknowns.check("dep");
    return dep;
  }

  @Override
  public Boolean userApproved() {
    unknowns.check("user_approved");
    return userApproved;
  }
}
