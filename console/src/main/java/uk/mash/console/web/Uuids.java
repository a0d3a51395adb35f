package uk.mash.console.web;

import java.util.UUID;

/** Whether an id in a page's address is a UUID, before it is put into a service's address. */
final class Uuids {

    private Uuids() {
    }

    static boolean valid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
