package uk.mash.console.signin;

import java.util.Set;

/**
 * The person signed in to the console: who ({@code sub}), in which role and for which agency, and
 * the token every page passes on to the services. What the console shows them (which links) follows
 * CONTRACT.md's roles table; what they may actually do is decided by the services alone.
 */
@io.quarkus.qute.TemplateData
public record Person(String sub, String role, String agency, String token) {

    private static final Set<String> QUEUE_ROLES = Set.of("queue-children", "queue-adults", "queue-police");

    /** Cases and the case page: screeners and managers read cases. */
    public boolean readsCases() {
        return role.equals("screener") || role.equals("manager");
    }

    /** Requests to an agency: its screeners answer them; a manager sees all. */
    public boolean answersInformationRequests() {
        return readsCases();
    }

    /** A receiving team's queue (a manager may read every queue). */
    public boolean readsQueue() {
        return QUEUE_ROLES.contains(role) || role.equals("manager");
    }

    /** The performance report: managers and auditors. */
    public boolean readsReportCard() {
        return role.equals("manager") || role.equals("auditor");
    }

    public boolean audits() {
        return role.equals("auditor");
    }

    /** The queue a queue role works ({@code queue-children} works {@code children}); null for others. */
    public String queue() {
        return QUEUE_ROLES.contains(role) ? role.substring("queue-".length()) : null;
    }

    /** The page a person starts on after signing in. */
    public String home() {
        if (readsCases()) {
            return "/cases";
        }
        if (queue() != null) {
            return "/queue";
        }
        return audits() ? "/audit" : "/report-card";
    }
}
