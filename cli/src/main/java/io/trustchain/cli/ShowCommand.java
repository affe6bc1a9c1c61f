package io.trustchain.cli;

import com.google.inject.Inject;
import io.trustchain.plan.json.PlanJson;
import io.trustchain.plan.json.SavedPlan;
import io.trustchain.plan.render.HumanRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code trustchain show PLANFILE}: a saved plan, as text or JSON (Terraform's {@code show}); nothing connects. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
    description = "Print a plan saved by `plan --out` (text, or its JSON); nothing connects.")
final class ShowCommand implements Callable<Integer> {

  @Inject Context ctx;
  @ParentCommand RootCommand root;

  @Parameters(paramLabel = "PLANFILE", description = "A plan saved by `plan --out`.")
  Path file;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  Format format;

  @Override
  public Integer call() {
    format.textOrJson("show");
    Path path = ctx.environment.cwd().resolve(file);
    if (Files.isDirectory(path)) {
      throw UserException.usage(file + " is a folder, not a saved plan (make one with plan --out FILE)");
    }
    SavedPlan saved = SavedPlans.read(path, file.toString(), ctx.environment.cwd());
    if (format == Format.json) {
      ctx.out.print(PlanJson.write(saved));
    } else {
      ctx.out.println("Saved plan " + file + ": made " + saved.plan().createdAt() + " by "
          + saved.source().madeBy().who() + " (run " + saved.source().madeBy().runId() + ") from "
          + saved.source().inventory() + " and " + String.join(", ",
              saved.source().playbooks().stream().map(d -> d.path()).toList())
          + saved.source().limit().map(l -> ", --limit " + l).orElse("")
          + saved.source().shard().map(s -> ", --shard " + s).orElse("") + ".");
      ctx.out.println();
      ctx.out.println(new HumanRenderer(root.global.color(ctx.environment), root.global.commands(ctx.config))
          .render(saved.plan()));
      ctx.out.println("To apply exactly these changes: trustchain apply " + file);
    }
    ctx.out.flush();
    return ExitCodes.OK;
  }
}
