package io.trustchain.facts;

/**
 * {@code com.apple.MCX cachedaccounts.askForSecureTokenAuthBypass}: when the bypass is set, mobile
 * accounts are NOT prompted for a token holder's credentials at first login.
 *
 * @param secureTokenPrompt true when mobile accounts are prompted (the macOS default)
 */
public record MobileAccountsFacts(boolean secureTokenPrompt) {}
