package io.trustchain.macos.mobile;

import io.trustchain.spi.Required;

/**
 * The {@code mobile_accounts} resource.
 *
 * @param secureTokenPrompt whether a mobile account's first login asks for a Secure Token holder's
 *     credentials (the macOS default); false sets {@code com.apple.MCX
 *     cachedaccounts.askForSecureTokenAuthBypass} (no prompt, and no Secure Token from it)
 */
public record MobileAccountsParams(@Required Boolean secureTokenPrompt) {}
