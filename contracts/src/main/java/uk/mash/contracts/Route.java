package uk.mash.contracts;

/** A receiving team's queue a decision is routed to. */
public enum Route {
    CHILDREN, ADULTS, POLICE
}
