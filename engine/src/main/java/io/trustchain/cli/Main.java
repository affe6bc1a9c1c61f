package io.trustchain.cli;

/** Entry point of the {@code trustchain} executable. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.out.println("trustchain (skeleton)");
  }
}
