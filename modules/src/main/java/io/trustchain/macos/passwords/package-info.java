/**
 * How each macOS tool gets a password without a command line that shows it (one place for every module:
 * user, filevault, bootstrap_token, and password rotation). The table of what remains exposed, and why, is
 * in the README ("Secrets never leak").
 *
 * <ul>
 *   <li>{@code sysadminctl}: every password as {@code -}, answered on stdin ({@link Sysadminctl});
 *   <li>checking or setting a password: Open Directory through {@code osascript}, the password on stdin
 *       ({@link io.trustchain.facts.PasswordCheck});
 *   <li>{@code fdesetup}: the input property list on stdin ({@code -inputplist}, fdesetup(8)), passwords
 *       XML-escaped ({@code filevault.InputPlist});
 *   <li>{@code profiles install -type bootstraptoken}: its interactive prompts, driven by {@code expect} with
 *       the answers on stdin ({@link BootstrapTokenPrompt});
 *   <li>{@code profiles validate -type bootstraptoken}: no prompt is documented, so the password is an
 *       argument of that one command, read from stdin into a shell variable first (the remaining exposure).
 * </ul>
 */
package io.trustchain.macos.passwords;
