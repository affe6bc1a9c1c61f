package io.trustchain.facts;

/**
 * An active deferred FileVault enablement ({@code fdesetup status} / {@code showdeferralinfo}).
 *
 * @param user the short name the deferral waits for
 * @param outputPath where fdesetup writes the recovery-key plist once it fires
 * @param forceAtLogin remaining forced attempts, or null when macOS does not say
 * @param ageDays days since the deferral was set up, or null when unknown
 */
public record Deferral(String user, String outputPath, Integer forceAtLogin, Integer ageDays) {}
