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
import uk.mash.contracts.SubjectRole;
import uk.mash.intake.report.ReportDate;

/** A CHILD is under 18 on the report date; reported on the person's {@code dateOfBirth}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChildUnder18.Validator.class)
public @interface ChildUnder18 {

    String message() default "a CHILD must be under 18 on the report date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ChildUnder18, Person> {

        @Override
        public boolean isValid(Person person, ConstraintValidatorContext context) {
            if (person == null || person.dateOfBirth() == null) {
                return true;
            }
            LocalDate today = ReportDate.today(Clock.systemUTC());
            if (person.subjectRole(today) != SubjectRole.CHILD || ReportDate.isUnder18(person.dateOfBirth(), today)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("dateOfBirth").addConstraintViolation();
            return false;
        }
    }
}
