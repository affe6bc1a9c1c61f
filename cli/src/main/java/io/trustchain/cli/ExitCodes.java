package io.trustchain.cli;

/** Exit codes, in one place: picocli's and Terraform's conventions with sysexits for bad input. */
public final class ExitCodes {

  /** Success, or no changes. */
  public static final int OK = 0;
  /** A host or the run failed: unreachable, refused, not converged, stale plan. */
  public static final int FAILED = 1;
  /** Changes present ({@code plan --detailed-exitcode}). */
  public static final int CHANGES = 2;
  /** The command line is wrong (sysexits EX_USAGE). */
  public static final int USAGE = 64;
  /** The documents are invalid (sysexits EX_DATAERR). */
  public static final int INVALID_DOCUMENTS = 65;
  /** An internal error: a bug. */
  public static final int SOFTWARE = 70;

  private ExitCodes() {}
}
