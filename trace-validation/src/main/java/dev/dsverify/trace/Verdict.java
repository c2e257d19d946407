package dev.dsverify.trace;

/** Whether some behaviour of the spec explains the whole log. */
public enum Verdict {
    /** Every line is explained, in order, by the spec action it names. */
    MATCH,
    /** Some line is explained by no behaviour of the spec that explains the lines before it. */
    DIVERGENCE
}
