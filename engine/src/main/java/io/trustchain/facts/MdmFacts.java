package io.trustchain.facts;

/** {@code profiles status -type enrollment}. */
public record MdmFacts(boolean enrolled, boolean dep, boolean userApproved) {}
