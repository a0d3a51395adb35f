package uk.mash.platform;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./mash dead-letters}: what is on {@code mash.dead-letter} (where each record was read,
 * its {@code ce_type}, why it could not be processed), and sending records back to their topic
 * once the cause is fixed. Never prints a record's key or value, nor {@code dead-letter-cause}
 * (a library's message, which may quote the value); the reason is the consumer's own words, which
 * name what is wrong and not the data.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = {"What is on mash.dead-letter (records a consumer can never process): id, when, original"
                + " topic/partition/offset, ce_type, reason; never a record's contents.",
            "It talks to the running stack's broker (MASH_KAFKA_BOOTSTRAP, else 127.0.0.1:MASH_KAFKA_PORT)."},
        subcommands = DeadLettersCommand.Replay.class)
final class DeadLettersCommand implements Callable<Integer> {

    @ParentCommand
    Mash mash;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "the broker (default: MASH_KAFKA_BOOTSTRAP, else the local one ./mash up started)")
    String kafka;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "how long to try to reach the broker (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return run(null);
    }

    /** {@code ./mash dead-letters replay ID... | --all}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Send those records (or all) back to their original topic with their key, headers and"
                    + " ce_id, once the cause is fixed; safe to repeat.")
    static final class Replay implements Callable<Integer> {

        @ParentCommand
        DeadLettersCommand deadLetters;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Parameters(paramLabel = "ID", arity = "1..*", converter = IdConverter.class,
                    description = "PARTITION:OFFSET on mash.dead-letter, as ./mash dead-letters lists them")
            List<DeadLetter.Id> ids;

            @Option(names = "--all", required = true, description = "every record on mash.dead-letter")
            boolean all;
        }

        @Override
        public Integer call() throws Exception {
            return deadLetters.run(which);
        }
    }

    /** A malformed id is wrong usage (exit 2), said before anything is read. */
    static final class IdConverter implements ITypeConverter<DeadLetter.Id> {
        @Override
        public DeadLetter.Id convert(String value) {
            try {
                return DeadLetter.Id.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private int run(Replay.Which replay) throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        String bootstrap = kafka != null ? kafka : mash.stack().kafkaBootstrapForClients();
        try (DeadLetterTopic topic = DeadLetterTopic.connect(bootstrap, Duration.ofSeconds(timeoutSeconds))) {
            List<DeadLetter> letters = topic.all();
            if (replay == null) {
                list(letters, o);
                return 0;
            }
            List<DeadLetter> chosen = replay.all ? letters : chosen(letters, replay.ids, e);
            if (chosen == null) {
                return 1;
            }
            return replay(topic, chosen, o, e);
        } catch (DeadLetterTopic.Unreachable unreachable) {
            e.println(unreachable.getMessage());
            return 1;
        }
    }

    private static void list(List<DeadLetter> letters, PrintWriter out) {
        if (letters.isEmpty()) {
            out.println("Nothing on " + DeadLetter.TOPIC + ": every record was processed.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "DEAD-LETTERED AT", "TOPIC", "PARTITION", "OFFSET", "CE_TYPE", "REASON"});
        for (DeadLetter d : letters) {
            rows.add(new String[] {d.id().toString(),
                d.deadLetteredAt() == null ? "-" : d.deadLetteredAt().truncatedTo(ChronoUnit.MILLIS).toString(),
                shown(d.topic()), shown(d.partition()), shown(d.offset()), shown(d.ceType()), shown(d.reason())});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(letters.size() + (letters.size() == 1 ? " record" : " records") + " on " + DeadLetter.TOPIC
                + ". Once the cause is fixed: ./mash dead-letters replay ID... (or --all)");
    }

    /** The letters with those ids, in the order asked; null (having said why) if any is not there. */
    private static List<DeadLetter> chosen(List<DeadLetter> letters, List<DeadLetter.Id> ids, PrintWriter err) {
        Map<DeadLetter.Id, DeadLetter> byId = new LinkedHashMap<>();
        letters.forEach(d -> byId.put(d.id(), d));
        List<DeadLetter> chosen = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (DeadLetter.Id id : new LinkedHashSet<>(ids)) {
            DeadLetter d = byId.get(id);
            if (d == null) {
                unknown.add(id.toString());
            } else {
                chosen.add(d);
            }
        }
        if (!unknown.isEmpty()) {
            err.println("no record " + String.join(", ", unknown) + " on " + DeadLetter.TOPIC
                    + " (./mash dead-letters lists them); nothing replayed");
            return null;
        }
        return chosen;
    }

    private static int replay(DeadLetterTopic topic, List<DeadLetter> letters, PrintWriter out, PrintWriter err) {
        if (letters.isEmpty()) {
            out.println("Nothing on " + DeadLetter.TOPIC + " to replay.");
            return 0;
        }
        for (DeadLetter d : letters) {
            if (!d.hasOrigin()) {
                err.println(d.id() + " has no dead-letter-topic header, so where it came from is unknown; nothing replayed");
                return 1;
            }
        }
        int failed = 0;
        for (DeadLetterTopic.Replayed r : topic.replay(letters)) {
            DeadLetter d = r.letter();
            if (r.failure() == null) {
                out.printf("replayed %s to %s (now partition %d, offset %d): %s, ce_id %s%n", d.id(), shown(d.topic()),
                        r.sentTo().partition(), r.sentTo().offset(), shown(d.ceType()), shown(d.ceId()));
            } else {
                failed++;
                err.printf("not replayed %s to %s: %s%n", d.id(), shown(d.topic()), r.failure());
            }
        }
        out.println((letters.size() - failed) + " of " + letters.size() + " replayed. Each keeps its ce_id, so a "
                + "consumer drops one it already processed: replaying again is harmless. They stay listed until "
                + DeadLetter.TOPIC + "'s retention removes them.");
        return failed == 0 ? 0 : 1;
    }

    /** A header as one printable line: no control characters (a newline or a terminal escape from the record). */
    static String shown(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value.toString().replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.isEmpty() ? "-" : text;
    }
}
