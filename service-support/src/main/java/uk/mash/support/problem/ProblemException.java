package uk.mash.support.problem;

import java.util.List;

/** A request the service refuses for a reason of its own; becomes a problem response as it stands. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " was not found"));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(Problem.invalid(422, "The request breaks a rule",
                List.of(new Violation(field, message))));
    }
}
