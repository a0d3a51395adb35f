package uk.mash.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Consent;
import uk.mash.contracts.PoliceOfficer;
import uk.mash.contracts.PoliceReference;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Referrer;
import uk.mash.contracts.Subject;
import uk.mash.contracts.SubjectRole;
import uk.mash.contracts.events.ReportReceived;

/** Invented reports as intake publishes them. */
public final class Reports {

    private Reports() {
    }

    public static Subject child(String given, String family, String nhs) {
        return new Subject(UUID.randomUUID(), SubjectRole.CHILD, given, family, LocalDate.now().minusYears(9), nhs, null);
    }

    public static Subject adultAtRisk(String given, String family) {
        return new Subject(UUID.randomUUID(), SubjectRole.ADULT_AT_RISK, given, family, LocalDate.of(1944, 3, 2),
                null, null);
    }

    public static Subject parent(String given, String family) {
        return new Subject(UUID.randomUUID(), SubjectRole.PARENT_OR_CARER, given, family, null, null, null);
    }

    /** A school's report about the given people. */
    public static ReportReceived school(Instant receivedAt, Subject... subjects) {
        UUID id = UUID.randomUUID();
        return new ReportReceived(id, "MASH-2026-" + String.format("%06d", Math.abs(id.hashCode() % 1_000_000)),
                receivedAt, new Actor("dsl.jones", Agency.EDUCATION),
                new Referrer("Jane Jones", "DSL", "Ysgol y Creuddyn", Agency.EDUCATION, null, null), Channel.ONLINE,
                List.of(Concern.NEGLECT), "Arrives hungry; says there is no food at home.", false, null, Consent.GIVEN,
                List.of(subjects), null, null);
    }

    /** A police notification graded as given (HIGH rates RED). */
    public static ReportReceived police(Instant receivedAt, PoliceRiskGrade grade, Subject... subjects) {
        UUID id = UUID.randomUUID();
        return new ReportReceived(id, "MASH-2026-" + String.format("%06d", Math.abs(id.hashCode() % 1_000_000)),
                receivedAt, new Actor("nwp-niche", Agency.POLICE),
                new Referrer("PC Davies", "Police officer", "NORTH_WALES_POLICE", Agency.POLICE, null, null),
                Channel.POLICE_NOTIFICATION, List.of(Concern.DOMESTIC_ABUSE), "Domestic incident; child present.",
                false, null, Consent.NOT_SOUGHT, List.of(subjects), grade == PoliceRiskGrade.HIGH ? Rag.RED : null,
                new PoliceReference("NWP-PPN-" + id, "NORTH_WALES_POLICE", "NWP/26/000001",
                        new PoliceOfficer("1234", "PC Davies", "Llandudno"), receivedAt, grade));
    }
}
