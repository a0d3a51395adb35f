package uk.mash.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./mash token --role ROLE [--agency AGENCY] [--sub NAME] [--ttl SECONDS]}. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a JWT signed with .mash/keys/private.pem, which the services started by up accept.",
            "Roles: referrer, police-system, screener, manager, queue-children, queue-adults, queue-police, auditor."})
final class TokenCommand implements Callable<Integer> {

    @ParentCommand
    Mash mash;

    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, completionCandidates = Roles.class, description = "one of: ${COMPLETION-CANDIDATES}")
    String role;

    @Option(names = "--agency", completionCandidates = Agencies.class,
            description = "the agency claim (default: the role's own, else OTHER): ${COMPLETION-CANDIDATES}")
    String agency;

    @Option(names = "--sub", paramLabel = "NAME", description = "who (default: ROLE-local)")
    String sub;

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "3600", description = "valid for (default: ${DEFAULT-VALUE})")
    int ttl;

    @Option(names = "--key", paramLabel = "FILE", description = "the private key (default: .mash/keys/private.pem, made when missing)")
    Path key;

    @Override
    public Integer call() throws Exception {
        if (!Identity.ROLES.contains(role)) {
            throw new ParameterException(spec.commandLine(), "unknown role '" + role + "'; one of: " + String.join(", ", Identity.ROLES));
        }
        String agency = this.agency != null ? this.agency : Identity.defaultAgency(role);
        if (!Identity.AGENCIES.contains(agency)) {
            throw new ParameterException(spec.commandLine(), "unknown agency '" + agency + "'; one of: " + String.join(", ", Identity.AGENCIES));
        }
        String sub = this.sub != null ? this.sub : role + "-local";
        if (sub.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--sub must not be blank");
        }
        if (ttl < 1 || ttl > Tokens.MAX_TTL_SECONDS) {
            throw new ParameterException(spec.commandLine(), "--ttl must be between 1 and " + Tokens.MAX_TTL_SECONDS + " seconds");
        }
        Path file = key;
        if (file == null) {
            MashHome home = mash.stack().home();
            file = home.privateKey();
            if (!Files.exists(file)) {
                Console c = mash.console();
                SigningKeys.ensure(home.keys(), c.err());
                c.note("note: made a new signing key. Services accept tokens only from the key they were started with:");
                c.note("      if any are running from before, ./mash down && ./mash up.");
            }
        } else if (!Files.exists(file)) {
            spec.commandLine().getErr().println("no signing key at " + file + " (./mash up makes it)");
            return 1;
        }
        spec.commandLine().getOut().println(Tokens.sign(Pem.readPrivateKey(file), role, agency, sub, ttl));
        return 0;
    }

    static final class Roles extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Roles() {
            super(Identity.ROLES);
        }
    }

    static final class Agencies extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Agencies() {
            super(Identity.AGENCIES);
        }
    }
}
