package dev.dsverify.runner;

/** How often an action fired (distinct new states it produced and states it generated), with -coverage. */
public record ActionCoverage(String action, SourceRange location, long distinct, long generated) {
}
