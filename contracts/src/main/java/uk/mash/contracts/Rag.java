package uk.mash.contracts;

/** Red / Amber / Green risk rating. */
public enum Rag {
    RED, AMBER, GREEN
}
