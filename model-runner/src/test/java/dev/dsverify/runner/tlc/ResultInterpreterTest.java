package dev.dsverify.runner.tlc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.TlcMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep an unfinished or inconsistent run from passing, on TLC output written out by hand
 * (the real-TLC tests cannot produce every combination, such as a kill right after a violation).
 */
class ResultInterpreterTest {

    private static String frame(int code, int severity, String body) {
        return "@!@!@STARTMSG " + code + ":" + severity + " @!@!@\n" + body + "\n@!@!@ENDMSG " + code + " @!@!@\n";
    }

    private static final String STATE = frame(2217, 4, "1: <Initial predicate>\n/\\ x = 0\n/\\ y = <<1, \"a\">>\n");
    private static final String STATS = frame(2199, 0, "7 states generated, 5 distinct states found, 0 states left on queue.")
            + frame(2194, 0, "The depth of the complete state graph search is 4.");
    private static final String FINISHED = frame(2186, 0, "Finished in 1s at (2026-01-01 00:00:00)");
    private static final String PASSED = frame(2193, 0, "Model checking completed. No error has been found.");
    private static final String VIOLATED = frame(2110, 1, "Invariant Safe is violated.")
            + frame(2121, 1, "The behavior up to this point is:") + STATE;

    private static ModelCheckResult interpret(String output, int exit) {
        TlcOutputParser parser = new TlcOutputParser(m -> { });
        output.lines().forEach(parser::line);
        parser.end();
        return ResultInterpreter.interpret(RunFacts.builder().name("M").messages(parser.messages())
                .sanyLines(parser.sanyLines()).otherLines(parser.otherLines()).exitCode(exit)
                .duration(Duration.ofSeconds(1)).build());
    }

    @Test
    void successNeedsTheSuccessMessageFinishedExitZeroAndAnEmptyQueue() {
        assertThat(interpret(PASSED + STATS + FINISHED, 0).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(interpret(PASSED + STATS, 0).outcome()).isEqualTo(Outcome.TLC_ERROR);
        assertThat(interpret(STATS + FINISHED, 0).outcome()).isEqualTo(Outcome.TLC_ERROR);
        assertThat(interpret(PASSED + STATS + FINISHED, 1).outcome()).isEqualTo(Outcome.TLC_ERROR);
        String queued = PASSED + STATS.replace("0 states left", "12 states left") + FINISHED;
        ModelCheckResult r = interpret(queued, 0);
        assertThat(r.outcome()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(r.stats().statesLeftOnQueue()).isEqualTo(12);
        assertThat(interpret(PASSED + FINISHED, 0).outcome()).isEqualTo(Outcome.INCOMPLETE);
    }

    @Test
    void violationCountsWhenTheExitCodeAgreesOrIsZero() {
        ModelCheckResult r = interpret(VIOLATED + STATS + FINISHED, 12);
        assertThat(r.outcome()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        assertThat(r.violated()).isEqualTo("Safe");
        assertThat(r.trace()).hasSize(1);
        assertThat(r.trace().get(0).vars().get("y").toTla()).isEqualTo("<<1, \"a\">>");
        // -continue: exit 0 although a violation was reported.
        assertThat(interpret(VIOLATED + STATS + FINISHED, 0).outcome()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        // Killed while printing the trace: not a trustworthy violation.
        ModelCheckResult killed = interpret(VIOLATED, 137);
        assertThat(killed.outcome()).isEqualTo(Outcome.TLC_ERROR);
        assertThat(killed.message()).contains("137").contains("Invariant Safe is violated");
    }

    @Test
    void nestedConfigErrorIsAConfigError() {
        String out = "@!@!@STARTMSG 1000:1 @!@!@\nTLC threw an unexpected exception.\n"
                + "The exception was a tlc2.tool.ConfigFileException\n"
                + ": @!@!@STARTMSG 5006:0 @!@!@\nTLC found an error in the configuration file at line 3\n"
                + "It was expecting = or <-, but did not find it.\n@!@!@ENDMSG 5006 @!@!@\n@!@!@ENDMSG 1000 @!@!@\n"
                + FINISHED;
        TlcOutputParser parser = new TlcOutputParser(m -> { });
        out.lines().forEach(parser::line);
        List<Integer> codes = new ArrayList<>();
        parser.messages().stream().map(TlcMessage::code).forEach(codes::add);
        assertThat(codes).containsExactly(5006, 1000, 2186);
        ModelCheckResult r = interpret(out, 255);
        assertThat(r.outcome()).isEqualTo(Outcome.CONFIG_ERROR);
        assertThat(r.message()).contains("at line 3");
    }

    @Test
    void sanyOutputBetweenItsMessagesGivesTheParseErrorPosition() {
        String out = frame(2220, 0, "Starting SANY...")
                + "Parsing file /specs/Extended.tla\n***Parse Error***\nWas expecting \"==== or more Module body\"\n"
                + "Encountered \"1\" at line 9, column 4 and token \"+\"\n\nResidual stack trace follows:\n"
                + frame(2219, 0, "SANY finished.") + frame(3002, 1, "Parsing or semantic analysis failed.") + FINISHED;
        ModelCheckResult r = interpret(out, 150);
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.errorPosition().file()).isEqualTo("/specs/Extended.tla");
        assertThat(r.errorPosition().line()).isEqualTo(9);
        assertThat(r.errorPosition().column()).isEqualTo(4);
        assertThat(r.message()).startsWith("Was expecting");
    }

    @Test
    void progressLinesWithAndWithoutRates() {
        var p = ProgressLine.parse("Progress(9) at 2026-11-26 01:17:53: 21 states generated (2,603 s/min), "
                + "15 distinct states found (1,859 ds/min), 3 states left on queue.", Duration.ZERO);
        assertThat(p.depth()).isEqualTo(9);
        assertThat(p.generatedStates()).isEqualTo(21);
        assertThat(p.statesPerMinute()).isEqualTo(2603);
        assertThat(p.distinctPerMinute()).isEqualTo(1859);
        assertThat(p.queue()).isEqualTo(3);
        var sim = ProgressLine.parse("Progress(-1) at 2026-11-26 01:17:49: 9 states generated, -1 distinct states "
                + "found, -1 states left on queue.", Duration.ZERO);
        assertThat(sim.generatedStates()).isEqualTo(9);
        assertThat(sim.distinctStates()).isEqualTo(-1);
        assertThat(sim.statesPerMinute()).isEqualTo(-1);
    }
}
