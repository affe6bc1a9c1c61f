package io.trustchain.lab.macos.tools;

import java.io.PrintStream;

/**
 * DirectoryService errors as dscl reports them: {@code <dscl_cmd> DS Error: -NNNNN (eDSName)} on stderr,
 * exit status = the low byte of the negated code (§0.1, rule 10: 56, 40, 87, 11, 10).
 */
enum DsError {
  RECORD_NOT_FOUND(-14136, "eDSRecordNotFound"),
  PERMISSION(-14120, "eDSPermissionError"),
  AUTH_FAILED(-14090, "eDSAuthFailed"),
  AUTH_METHOD_NOT_SUPPORTED(-14091, "eDSAuthMethodNotSupported"),
  AUTH_ACCOUNT_DISABLED(-14167, "eDSAuthAccountDisabled"),
  RECORD_ALREADY_EXISTS(-14135, "eDSRecordAlreadyExists"),
  ATTRIBUTE_NOT_FOUND(-14134, "eDSAttributeNotFound"),
  INVALID_PATH(-14009, "eDSUnknownNodeName");

  private final int code;
  private final String label;

  DsError(int code, String label) {
    this.code = code;
    this.label = label;
  }

  int code() {
    return code;
  }

  String label() {
    return label;
  }

  /** The exit status dscl returns: the low byte of {@code -code}. */
  int exit() {
    return (-code) & 0xFF;
  }

  /** Prints the error line and returns the exit status. */
  int report(PrintStream err) {
    err.print("<dscl_cmd> DS Error: " + code + " (" + label + ")\n");
    err.flush();
    return exit();
  }
}
