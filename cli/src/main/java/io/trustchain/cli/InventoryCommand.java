package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.inventory.Inventory;
import io.trustchain.inventory.InventoryViews;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trustchain inventory --list|--graph}: the inventory as {@code ansible-inventory} shows it. */
@Command(name = "inventory", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class, description = "Show the inventory as ansible-inventory does (--list, --graph, --host).")
final class InventoryCommand implements Callable<Integer> {

  @Inject Context ctx;
  @Mixin InventoryOption inventory;
  @Mixin ConnectOptions connect;

  @ArgGroup(exclusive = true, multiplicity = "1")
  View view;

  static final class View {
    @Option(names = "--list", required = true, description = "All groups, hosts and variables as JSON (--yaml: YAML).") boolean list;
    @Option(names = "--graph", required = true, description = "The group tree.") boolean graph;
    @Option(names = "--host", required = true, paramLabel = "HOST", description = "One host's variables as JSON.") String host;
  }

  @Option(names = {"-y", "--yaml"}, description = "With --list: YAML instead of JSON (as ansible-inventory --yaml).")
  boolean yaml;

  @Parameters(paramLabel = "GROUP", arity = "0..1", description = "With --graph: start at this group.")
  String group;

  @Override
  public Integer call() throws Exception {
    Inventory inv = ctx.inventory(inventory, ctx.session(connect));
    try {
      if (yaml && !view.list) {
        throw UserException.usage("--yaml goes with --list");
      }
      ctx.out.println(view.list ? (yaml ? InventoryViews.yaml(inv) : InventoryViews.list(inv))
          : view.host != null ? InventoryViews.host(inv, view.host)
          : InventoryViews.graph(inv, Optional.ofNullable(group)));
    } catch (IllegalArgumentException e) {
      throw UserException.usage(e.getMessage());
    }
    ctx.out.flush();
    return ExitCodes.OK;
  }
}
