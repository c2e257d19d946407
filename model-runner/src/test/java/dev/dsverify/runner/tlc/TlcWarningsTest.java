package dev.dsverify.runner.tlc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.TlcWarning;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tlc2.output.EC;

/** Warnings in TLC's output, as TLC 2.18 prints them (taken from real runs), reach the result. */
class TlcWarningsTest {
    private static String frame(int code, int severity, String body) {
        return "@!@!@STARTMSG " + code + ":" + severity + " @!@!@\n" + body + "\n@!@!@ENDMSG " + code + " @!@!@\n";
    }

    /** SANY's part of a run: two semantic warnings and a stale PlusCal translation, all unframed. */
    private static final String SANY = frame(EC.TLC_SANY_START, 0, "Starting SANY...")
            + "Parsing file /specs/M.tla\n"
            + "!! WARNING: The PlusCal algorithm in module M has changed since its last translation.\n"
            + "Semantic processing of module M\n"
            + "Semantic errors in global context:\n\n\n"
            + "*** Warnings: 2\n\n"
            + "line 2, col 1 to line 2, col 8 of module B\n\n"
            + "Warning: the definition of 'Foo' conflicts with \n"
            + "its definition at line 2, col 1 to line 2, col 8 of module A.\n\n\n"
            + "line 3, col 1 to line 3, col 8 of module B\n\n"
            + "Warning: the definition of 'Bar' conflicts with \n"
            + "its definition at line 3, col 1 to line 3, col 8 of module A.\n\n\n"
            + frame(EC.TLC_SANY_END, 0, "SANY finished.");

    private static final String PASSED = frame(EC.TLC_FEATURE_UNSUPPORTED_LIVENESS_SYMMETRY, 3,
            "Declaring symmetry during liveness checking is dangerous. It might cause TLC to miss violations of the"
                    + " stated liveness properties. Please check liveness without symmetry defined.")
            + frame(EC.TLC_EXCEPT_APPLIED_TO_UNKNOWN_FIELD, 3,
            "The EXCEPT was applied to non-existing fields of the value at\nline 6, col 35 to line 6, col 35 of module W")
            + frame(EC.TLC_EXCEPT_APPLIED_TO_UNKNOWN_FIELD, 3,
            "The EXCEPT was applied to non-existing fields of the value at\nline 6, col 35 to line 6, col 35 of module W")
            + frame(EC.TLC_SUCCESS, 0, "Model checking completed. No error has been found.")
            + frame(EC.TLC_STATS, 0, "7 states generated, 5 distinct states found, 0 states left on queue.")
            + frame(EC.TLC_FINISHED, 0, "Finished in 1s at (2026-01-01 00:00:00)");

    private static ModelCheckResult interpret(String output, boolean allowStale) {
        TlcOutputParser parser = new TlcOutputParser(m -> { });
        output.lines().forEach(parser::line);
        parser.end();
        return ResultInterpreter.interpret(RunFacts.builder().name("M").messages(parser.messages())
                .sanyLines(parser.sanyLines()).otherLines(parser.otherLines()).duration(Duration.ofSeconds(1))
                .allowStaleTranslation(allowStale).build());
    }

    @Test
    void everyWarningIsKeptOnceWithTlcsCodeOrAsSanys() {
        ModelCheckResult r = interpret(SANY + PASSED, true);
        assertThat(r.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.warnings()).extracting(TlcWarning::code).containsExactly(null, null, null,
                EC.TLC_FEATURE_UNSUPPORTED_LIVENESS_SYMMETRY, EC.TLC_EXCEPT_APPLIED_TO_UNKNOWN_FIELD);
        assertThat(r.warnings().get(0).text())
                .isEqualTo("The PlusCal algorithm in module M has changed since its last translation.");
        assertThat(r.warnings().get(1).text()).startsWith("Warning: the definition of 'Foo' conflicts with")
                .contains("of module A.").endsWith("(at line 2, col 1 to line 2, col 8 of module B)");
        assertThat(r.warnings().get(2).text()).contains("'Bar'").contains("line 3, col 1 to line 3, col 8 of module B");
        assertThat(r.warnings().get(4).text()).contains("non-existing fields").contains("module W");
        assertThat(r.warnings().get(3).source()).isEqualTo("TLC " + EC.TLC_FEATURE_UNSUPPORTED_LIVENESS_SYMMETRY);
        assertThat(r.warnings().get(0).source()).isEqualTo("SANY");
    }

    @Test
    void aStaleTranslationFailsAsAParseErrorUnlessAllowed() {
        ModelCheckResult r = interpret(SANY + PASSED, false);
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.message()).startsWith("stale PlusCal translation: the PlusCal algorithm in module M has changed")
                .contains("--translate").contains("--allow-stale-translation");
        assertThat(r.warnings()).hasSize(5);
    }

    @Test
    void aHandEditedTranslationIsStaleToo() {
        String sany = frame(EC.TLC_SANY_START, 0, "Starting SANY...")
                + "!! WARNING: The TLA+ translation in module M has changed since its last translation.\n"
                + frame(EC.TLC_SANY_END, 0, "SANY finished.");
        ModelCheckResult r = interpret(sany + PASSED, false);
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.message()).contains("translation of the PlusCal algorithm in module M was edited by hand");
    }

    @Test
    void warningsAreKeptOnFailuresToo() {
        String violated = frame(EC.TLC_FEATURE_LIVENESS_CONSTRAINTS, 3, "Declaring state or action constraints"
                + " during liveness checking is dangerous")
                + frame(EC.TLC_INVARIANT_VIOLATED_BEHAVIOR, 1, "Invariant Safe is violated.")
                + frame(EC.TLC_FINISHED, 0, "Finished in 1s at (2026-01-01 00:00:00)");
        TlcOutputParser parser = new TlcOutputParser(m -> { });
        violated.lines().forEach(parser::line);
        parser.end();
        ModelCheckResult r = ResultInterpreter.interpret(RunFacts.builder().name("M").messages(parser.messages())
                .sanyLines(parser.sanyLines()).otherLines(parser.otherLines()).exitCode(12)
                .duration(Duration.ofSeconds(1)).build());
        assertThat(r.outcome()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        assertThat(r.warnings()).extracting(TlcWarning::code).containsExactly(EC.TLC_FEATURE_LIVENESS_CONSTRAINTS);
    }
}
