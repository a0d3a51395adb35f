package uk.mash.contracts;

/** Where a referral stands on its receiving team's queue. */
public enum ReferralStatus {
    PENDING, ACKNOWLEDGED, ESCALATED, WITHDRAWN
}
