package io.trustchain.lab.macos.tools;

import io.trustchain.lab.macos.state.MacVersion;

/** sysadminctl's wording, per macOS version, with the sample each line comes from. */
final class SysadminctlText {

  static final String DONE = "- Done!";
  /** S12–S14, S19: printed when no token-holder credentials were given. */
  static final String BANNER_RULE = "----------------------------";
  static final String BANNER = "No clear text password or interactive option was specified (adduser, "
      + "change/reset password will not allow user to use FDE) !";
  /** S8: the chain-of-trust refusal (exit 0). */
  static final String REFUSED_5101 = "setSecureTokenAuthorizationEnabled error Error Domain=com.apple.OpenDirectory "
      + "Code=5101 \"Authentication server refused operation because the current credentials are not authorized for "
      + "the requested operation.\" UserInfo={NSLocalizedDescription=Authentication server refused operation because "
      + "the current credentials are not authorized for the requested operation., NSLocalizedFailureReason="
      + "Authentication server refused operation because the current credentials are not authorized for the "
      + "requested operation.}";
  /** S11, rule 4. */
  static final String NEEDS_TOKEN_UNLOCK = "Operation is not permitted without secure token unlock.";
  /** S20, rule 3. */
  static final String OWNER_CANNOT_BE_DELETED = "User owner can not be deleted (it's either last admin user or "
      + "last secure token user neither of which can be deleted)";
  /** S5: 10.13.2 / 10.13.3 only, exit 255. */
  static final String FRAMEWORK_FAILURE = "Failed to authenticate with SystemAdministration framework.";
  /** Not root and no admin credentials (field capture on 10.13.6, ducksrfr/mac_admin issue #4). */
  static final String NOT_ROOT = "sysadminctl should be run as root, or in interactive mode! (Error Domain="
      + "NSOSStatusErrorDomain Code=-60007 \"errAuthorizationInteractionNotAllowed: The authorization was denied "
      + "since no user interaction was possible. \")";
  static final String CREATING_RECORD = "Creating user record\u2026";
  static final String PROMPT = "User password:";

  private static final String USAGE_12 = """
      Usage: sysadminctl
              -adminUser <admin user name> -adminPassword <admin user password>
              -deleteUser <user name> [-secure || -keepHome] (interactive || -adminUser <administrator user name> -adminPassword <administrator password>)
              -newPassword <new password> -oldPassword <old password> [-passwordHint <password hint>]
              -resetPasswordFor <local user name> -newPassword <new password> [-passwordHint <password hint>] (interactive] || -adminUser <administrator user name> -adminPassword <administrator password>)
              -addUser <user name> [-fullName <full name>] [-UID <user ID>] [-shell <path to shell>] [-password <user password>] [-hint <user hint>] [-home <full path to home>] [-admin] [-picture <full path to user image>] (interactive] || -adminUser <administrator user name> -adminPassword <administrator password>)
              -secureTokenStatus <user name>
              -secureTokenOn <user name> -password <password> (interactive || -adminUser <administrator user name> -adminPassword <administrator password>)
              -secureTokenOff <user name> -password <password> (interactive || -adminUser <administrator user name> -adminPassword <administrator password>)
              -guestAccount <on || off || status>
              -afpGuestAccess <on || off || status>
              -smbGuestAccess <on || off || status>
              -automaticTime <on || off || status>
              -filesystem status
      Pass '-' instead of password in commands above to request prompt.
      """;

  private static final String USAGE_13 = """
      Usage: sysadminctl
              -deleteUser <user name> [-secure || -keepHome] (interactive || -adminUser <administrator user name> -adminPassword <administrator password>)
              -newPassword <new password> -oldPassword <old password> [-passwordHint <password hint>]
              -resetPasswordFor <local user name> -newPassword <new password> [-passwordHint <password hint>] (interactive] || -adminUser <administrator user name> -adminPassword <administrator password>)
              -addUser <user name> [-fullName <full name>] [-UID <user ID>] [-GID <group ID>] [-shell <path to shell>] [-password <user password>] [-hint <user hint>] [-home <full path to home>] [-admin] [-roleAccount] [-picture <full path to user image>] (interactive] || -adminUser <administrator user name> -adminPassword <administrator password>)
              -secureTokenStatus <user name>
              -secureTokenOn <user name> -password <password> (interactive || -adminUser <administrator user name> -adminPassword <administrator password>)
              -secureTokenOff <user name> -password <password> (interactive || -adminUser <administrator user name> -adminPassword <administrator password>)
              -autologin set -userName <user name> [-password <user password>] || off || status (interactive || -adminUser <administrator user name> -adminPassword <administrator password>)
              -guestAccount <on || off || status>
              -afpGuestAccess <on || off || status>
              -smbGuestAccess <on || off || status>
              -automaticTime <on || off || status>
              -filesystem status
              -screenLock <status || immediate || off || seconds> -password <password>

      Pass '-' instead of password in commands above to request prompt.
      '-adminPassword' used mostly for scripted operation. Use '-' or 'interactive' to get the authentication string interactively. This preferred for security reasons

      *Role accounts require name starting with _ and UID in 200-400 range.
      """;

  private SysadminctlText() {}

  /** The usage text: S21 up to macOS 12, S22 from 13. Its first line carries the NSLog prefix. */
  static String usage(MacVersion version) {
    return version.atLeast(13, 0) ? USAGE_13 : USAGE_12;
  }

  /** Prints the usage: the first line with the NSLog prefix, the rest as is (S21, S22). */
  static void printUsage(NsLog log, MacVersion version) {
    String usage = usage(version);
    int nl = usage.indexOf('\n');
    log.line(usage.substring(0, nl));
    log.raw(usage.substring(nl + 1));
  }

  /** An internal-error line ({@code ### Error:-14135 File:… Line:…}), with the build path of the era (§0.1). */
  static String internalError(MacVersion version, int code, String source, int line) {
    String root = version.atLeast(13, 0)
        ? "/AppleInternal/Library/BuildRoots/4~B5FeugCYEZd96X3zqIDDgARflf-BD_RFQt1Gd-I/Library/Caches/com.apple.xbs/Sources/Admin/"
        : "/BuildRoot/Library/Caches/com.apple.xbs/Sources/Admin/Admin-679/";
    return "### Error:" + code + " File:" + root + source + " Line:" + line;
  }

  /** The line for a wrong or unknown {@code -adminUser} (field capture, microsoft/shell-intune-samples #183). */
  static String adminAuthFailed(MacVersion version) {
    return internalError(version, -14090, "DSAuthenticator.m", 94);
  }
}
