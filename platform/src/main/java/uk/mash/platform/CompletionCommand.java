package uk.mash.platform;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./mash completion}: a bash completion script for every command and option (picocli's AutoComplete). */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash completion script for ./mash.",
            "Use it with: source <(./mash completion)"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // the script completes "mash" and "./mash" alike
        String script = AutoComplete.bash("mash", spec.parent().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().println("complete -F _complete_mash -o default ./mash");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
