package io.trustchain.macos.bootstrap;

import io.trustchain.spi.Required;

/**
 * The {@code bootstrap_token} resource.
 *
 * @param escrowed true: the Mac's MDM server holds its Bootstrap Token (escrowed with
 *     {@code profiles install -type bootstraptoken} by the credential, then validated); false: none is
 *     kept ({@code profiles remove -type bootstraptoken})
 */
public record BootstrapTokenParams(@Required Boolean escrowed) {}
