package dev.dsverify.conform;

/** How the code failed to follow the spec. */
public enum FailureKind {
    /** The code cannot take a step the spec allows: it refused or ignored the input, or took another step. */
    CANNOT_TAKE_STEP("cannot-take-step", "the code cannot take a step the spec allows"),
    /** The code took the step, but its state or the messages it sent differ from the spec's. */
    TAKES_STEP_DIFFERENTLY("takes-step-differently", "the code takes the step differently"),
    /** The code took a step that the spec does not allow in this state (one it was offered to refuse). */
    TAKES_FORBIDDEN_STEP("takes-forbidden-step", "the code takes a step the spec does not allow");

    private final String id;
    private final String text;

    FailureKind(String id, String text) {
        this.id = id;
        this.text = text;
    }

    /** The name in JSON. */
    public String id() {
        return id;
    }

    /** The sentence a report starts with. */
    public String text() {
        return text;
    }
}
