package uk.mash.support.store;

import java.sql.SQLException;

/** A database failure; its message is not shown to callers (it may quote values). */
public class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super("Database operation failed (SQLState " + cause.getSQLState() + ")", cause);
    }
}
