package uk.mash.contracts;

/** How a report reached the front door. */
public enum Channel {
    ONLINE, PHONE, EMAIL, POLICE_NOTIFICATION
}
