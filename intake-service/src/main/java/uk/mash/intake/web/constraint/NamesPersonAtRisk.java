package uk.mash.intake.web.constraint;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import uk.mash.contracts.SubjectRole;
import uk.mash.intake.report.ReportDate;

/** A report is about someone at risk: at least one CHILD or ADULT_AT_RISK. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NamesPersonAtRisk.Validator.class)
public @interface NamesPersonAtRisk {

    String message() default "must include at least one CHILD or ADULT_AT_RISK";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NamesPersonAtRisk, List<? extends Person>> {

        @Override
        public boolean isValid(List<? extends Person> people, ConstraintValidatorContext context) {
            if (people == null || people.isEmpty()) {
                return true; // @NotEmpty says so
            }
            LocalDate today = ReportDate.today(Clock.systemUTC());
            return people.stream().filter(Objects::nonNull).map(p -> p.subjectRole(today))
                    .filter(Objects::nonNull).anyMatch(SubjectRole::isPersonAtRisk);
        }
    }
}
