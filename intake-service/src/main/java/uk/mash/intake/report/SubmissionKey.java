package uk.mash.intake.report;

/**
 * What makes a submission the same submission when it comes again: an {@code Idempotency-Key} or a
 * police {@code notificationId}, each scoped to the caller (the token's {@code sub}), so another
 * caller using the same key never collides with it. The same key with another body is a conflict.
 *
 * @param named       what the caller called the key, for the conflict's message
 * @param requestHash SHA-256 of the request as parsed, to tell a retry from a different request
 */
public record SubmissionKey(String scope, String key, String requestHash, String named) {

    public static SubmissionKey idempotencyKey(String callerSub, String key, String requestHash) {
        return new SubmissionKey("idempotency-key:" + callerSub, key, requestHash, "Idempotency-Key");
    }

    /** Police systems retry: the same notification from the same system is one report. */
    public static SubmissionKey policeNotification(String callerSub, String notificationId, String requestHash) {
        return new SubmissionKey("police-notification:" + callerSub, notificationId.trim(), requestHash,
                "notificationId");
    }
}
