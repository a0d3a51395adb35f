package uk.mash.console.signin;

import java.util.List;

/**
 * The people offered on the local sign-in page: a screener of each agency that sits in the hub,
 * a manager, the three receiving teams and an auditor (CONTRACT.md's roles).
 */
public final class LocalPeople {

    /** One person to sign in as; {@code sub} is what the services record as the actor. */
    @io.quarkus.qute.TemplateData
    public record LocalPerson(String sub, String name, String role, String agency, String description) {
    }

    public static final List<LocalPerson> ALL = List.of(
            new LocalPerson("sw.owen", "Sian Owen", "screener", "CHILDRENS_SERVICES", "Screener, children's services"),
            new LocalPerson("nurse.jones", "Carys Jones", "screener", "HEALTH", "Screener, health"),
            new LocalPerson("edu.hughes", "Gareth Hughes", "screener", "EDUCATION", "Screener, education"),
            new LocalPerson("ds.price", "DS Ffion Price", "screener", "POLICE", "Screener, police"),
            new LocalPerson("housing.evans", "Dafydd Evans", "screener", "HOUSING", "Screener, housing"),
            new LocalPerson("mgr.roberts", "Elin Roberts", "manager", "CHILDRENS_SERVICES", "MASH manager"),
            new LocalPerson("children.team", "Children's duty team", "queue-children", "CHILDRENS_SERVICES",
                    "Receiving team, children's services"),
            new LocalPerson("adults.team", "Adult safeguarding team", "queue-adults", "ADULT_SERVICES",
                    "Receiving team, adult safeguarding"),
            new LocalPerson("police.team", "Police MASH team", "queue-police", "POLICE", "Receiving team, police"),
            new LocalPerson("auditor.thomas", "Rhys Thomas", "auditor", null, "Auditor"));

    private LocalPeople() {
    }

    public static java.util.Optional<LocalPerson> bySub(String sub) {
        return ALL.stream().filter(p -> p.sub().equals(sub)).findFirst();
    }
}
