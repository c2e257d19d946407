package dev.dsverify.maven;

import dev.dsverify.runner.Expectation;
import dev.dsverify.runner.ModelCheck;
import java.util.List;

/** A model the goal will check: how to run it, what it must end with, and its tags for filtering. */
record PlannedCheck(ModelCheck check, Expectation expected, List<String> tags) {
    PlannedCheck {
        tags = List.copyOf(tags);
    }

    String name() {
        return check.name();
    }
}
