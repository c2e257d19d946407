package dev.dsverify.conform;

import java.time.Duration;

/**
 * The outcome of a conformance run.
 *
 * @param options      what was checked
 * @param failure      the first step the code did not follow, or null when it followed every one
 * @param coverage     how much of the model the code was driven through
 * @param paths        walks (or, exhaustively, paths of the state graph) driven
 * @param steps        spec steps driven in the code
 * @param specStates   spec states generated (exhaustive: the states of the model's graph explored)
 * @param elapsed      wall time, loading the spec included
 */
public record ConformResult(ConformOptions options, Failure failure, Coverage coverage, long paths, long steps,
        long specStates, Duration elapsed) {

    public boolean conforms() {
        return failure == null;
    }
}
