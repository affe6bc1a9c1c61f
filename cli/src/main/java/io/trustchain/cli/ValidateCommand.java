package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.run.Loaded;
import io.trustchain.spi.BoundResource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code trustchain validate}: load and check everything offline; nothing connects. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, description = "Load and check the inventory and playbooks offline (nothing connects).")
final class ValidateCommand implements Callable<Integer> {

  @Inject Context ctx;
  @Mixin InventoryOption inventory;
  @Mixin ConnectOptions connect;

  @Parameters(paramLabel = "PLAYBOOK", arity = "1..*", description = "Playbooks to check.")
  List<Path> playbooks;

  @Override
  public Integer call() throws Exception {
    Session session = ctx.session(connect);
    Loaded loaded = ctx.requireHosts(ctx.load(inventory, playbooks, connect, session), connect);
    ctx.hosts(loaded.inventory(), connect, session);   // every host's connection variables, targeted or not
    long plays = loaded.playbooks().stream().mapToLong(p -> p.plays().size()).sum();
    long resources = loaded.targets().stream().mapToLong(t -> t.resources().size()).sum();
    long distinct = loaded.targets().stream().flatMap(t -> t.resources().stream())
        .map(BoundResource::address).distinct().count();
    ctx.out.printf("Valid: %d playbook%s, %d play%s, %d host%s, %d resource%s (%d bindings).%n",
        loaded.playbooks().size(), s(loaded.playbooks().size()), plays, s(plays),
        loaded.targets().size(), s(loaded.targets().size()), distinct, s(distinct), resources);
    ctx.out.flush();
    return ExitCodes.OK;
  }

  private static String s(long n) {
    return n == 1 ? "" : "s";
  }
}
