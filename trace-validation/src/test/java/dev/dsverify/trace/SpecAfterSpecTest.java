package dev.dsverify.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trace specs of different systems replayed one after another in one JVM (a Maven build with two replay
 * executions, a test suite): TLC keeps each definition's table slot on its interned name, and stale slots from
 * the first spec made the third read the wrong definitions (its variables were never assigned).
 */
class SpecAfterSpecTest {
    @TempDir
    Path dir;

    @Test
    void eachSpecIsReplayedAsInAFreshJvm() throws Exception {
        Path s = Path.of("src/test/resources/lockservice");
        Path tp = dir.resolve("tp.ndjson");
        Files.write(tp, List.of("{\"node\":\"r1\",\"event\":\"RMPrepare\",\"state\":{\"rmState\":\"prepared\"}}",
                "{\"node\":\"r2\",\"event\":\"RMPrepare\",\"state\":{\"rmState\":\"prepared\"}}"));
        TraceResult t2 = TraceSpecValidator.validate(Path.of("../specs/twophase/TraceTwoPhase.tla"), List.of(tp));
        assertThat(t2.verdict()).as(t2.reasons().toString()).isEqualTo(Verdict.MATCH);
        Path bad = dir.resolve("bad.ndjson");
        Files.writeString(bad, Files.readString(s.resolve("good.ndjson")).replace("\"count\":2", "\"count\":3"));
        TraceResult a = TraceSpecValidator.validate(s.resolve("TraceLockService.tla"), List.of(bad));
        assertThat(a.verdict()).isEqualTo(Verdict.DIVERGENCE);
        Files.writeString(dir.resolve("Turnstile.tla"), """
                ---- MODULE Turnstile ----
                EXTENDS Naturals, Sequences
                VARIABLES locked, coins, history
                Init == locked = TRUE /\\ coins = 0 /\\ history = <<>>
                Coin == locked' = FALSE /\\ coins' = coins + 1 /\\ history' = Append(history, coins + 1)
                Push == locked = FALSE /\\ locked' = TRUE /\\ UNCHANGED <<coins, history>>
                ====
                """);
        Files.writeString(dir.resolve("TraceTurnstile.tla"), """
                ---- MODULE TraceTurnstile ----
                EXTENDS Turnstile, TraceValidation
                TraceInit == Init
                ReplayStep(e) == CASE e.event = "Coin" -> Coin /\\ coins' = e.coins
                                   [] e.event = "Push" -> Push
                ====
                """);
        Files.write(dir.resolve("t.ndjson"), List.of("{\"event\":\"Coin\",\"coins\":1}", "{\"event\":\"Push\"}"));
        TraceResult b = TraceSpecValidator.validate(dir.resolve("TraceTurnstile.tla"), List.of(dir.resolve("t.ndjson")));
        assertThat(b.verdict()).as(String.valueOf(b.reasons()) + b.statesBefore()).isEqualTo(Verdict.MATCH);
        Files.write(dir.resolve("t2.ndjson"), List.of("{\"event\":\"Push\"}"));
        TraceResult c = TraceSpecValidator.validate(dir.resolve("TraceTurnstile.tla"), List.of(dir.resolve("t2.ndjson")));
        assertThat(c.reasons()).singleElement().asString().contains("Push is not enabled: `locked = FALSE`");
    }
}
