package io.trustchain.facts;

/** {@code profiles status -type bootstraptoken}: one line (unsupported) or two. */
public record BootstrapTokenFacts(boolean supported, boolean escrowed) {}
