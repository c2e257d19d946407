package dev.dsverify.runner;

import java.time.Duration;

/** A progress report TLC prints while it runs. */
public record Progress(long depth, long generatedStates, long distinctStates, long queue,
                       long statesPerMinute, long distinctPerMinute, Duration elapsed) {
}
