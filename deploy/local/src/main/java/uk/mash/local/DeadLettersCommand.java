package uk.mash.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mash dead-letters}: what is on {@code mash.dead-letter} (where each record was read,
 * its {@code ce_type}, why it could not be processed), and sending records back to their topic
 * once the cause is fixed. Never prints a record's key or value, nor {@code dead-letter-cause}
 * (a library's message, which may quote the value); the reason is the consumer's own words, which
 * name what is wrong and not the data.
 */
final class DeadLettersCommand implements Command {

    @Override
    public String usage() {
        return "dead-letters --kafka HOST:PORT [--replay ID... | --replay --all] [--timeout SECONDS]"
                + "   list mash.dead-letter, or send records back to their topic";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.allow("kafka", "replay", "all", "timeout");
        String bootstrap = args.required("kafka");
        boolean all = args.flag("all");
        List<DeadLetter.Id> ids = new ArrayList<>();
        for (String id : args.all("replay")) {
            ids.add(DeadLetter.Id.parse(id));
        }
        if (all && !args.has("replay")) {
            throw new UsageException("--all goes with --replay");
        }
        if (args.has("replay") && all == !ids.isEmpty()) {
            throw new UsageException("replay takes the ids to send back, or --all (not both)");
        }
        int seconds = args.intValue("timeout", 10);
        if (seconds < 1) {
            throw new UsageException("--timeout must be at least 1 second");
        }

        try (DeadLetterTopic topic = DeadLetterTopic.connect(bootstrap, Duration.ofSeconds(seconds))) {
            List<DeadLetter> letters = topic.all();
            if (!args.has("replay")) {
                list(letters, out);
                return 0;
            }
            List<DeadLetter> chosen = all ? letters : chosen(letters, ids, err);
            if (chosen == null) {
                return 1;
            }
            return replay(topic, chosen, out, err);
        } catch (DeadLetterTopic.Unreachable e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static void list(List<DeadLetter> letters, PrintStream out) {
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
    private static List<DeadLetter> chosen(List<DeadLetter> letters, List<DeadLetter.Id> ids, PrintStream err) {
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

    private static int replay(DeadLetterTopic topic, List<DeadLetter> letters, PrintStream out, PrintStream err) {
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
