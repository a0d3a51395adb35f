package uk.mash.intake.report;

/**
 * What makes a submission the same submission when it comes again: an {@code Idempotency-Key}
 * (scoped to the caller) or a police {@code notificationId} (scoped to the force).
 *
 * @param requestHash       SHA-256 of the request as parsed, to tell a retry from a different request
 * @param bodyMustMatch     whether a different body under the same key is a conflict (409)
 */
public record SubmissionKey(String scope, String key, String requestHash, boolean bodyMustMatch) {

    public static SubmissionKey idempotencyKey(String callerSub, String key, String requestHash) {
        return new SubmissionKey("idempotency-key:" + callerSub, key, requestHash, true);
    }

    /** Police systems retry: the same notification from the same force is one report, whatever the body. */
    public static SubmissionKey policeNotification(String force, String notificationId, String requestHash) {
        return new SubmissionKey("police-notification:" + force.trim().toUpperCase(), notificationId.trim(),
                requestHash, false);
    }
}
