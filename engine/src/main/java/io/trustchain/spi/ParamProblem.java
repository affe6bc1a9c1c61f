package io.trustchain.spi;

/** A problem with one parameter; the loader attaches the key's position. */
public record ParamProblem(String param, String message, String hint) {

  public static ParamProblem of(String param, String message) {
    return new ParamProblem(param, message, null);
  }
}
