package dev.dsverify.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.ModelCheck;
import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.ModelChecker;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.TlcWarning;
import dev.dsverify.trace.tla.LoadedLog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tlc2.output.EC;
import dev.dsverify.trace.tla.TraceLogLibrary;

/**
 * The command's shaded jar puts trace validation's operator overrides on the classpath of every model check.
 * A spec that does not extend TraceValidation or TraceRaft must not be warned about them (TLC warns, message 2402,
 * for an override whose module is missing, unless the override says not to).
 */
class ModelCheckOverridesTest {
    @TempDir
    Path dir;

    private ModelCheckResult check(boolean withTrace) throws Exception {
        Files.writeString(dir.resolve("Tick.tla"), """
                ---- MODULE Tick ----
                EXTENDS Naturals
                VARIABLE x
                Init == x = 0
                Next == x' = (x + 1) % 2
                ====
                """);
        Files.writeString(dir.resolve("Tick.cfg"), "INIT Init\nNEXT Next\n");
        ModelCheck.Builder b = ModelCheck.builder(dir.resolve("Tick.tla"))
                .extraClasspath(Path.of(TraceLogLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        if (withTrace) {
            b.jvmArg("-D" + LoadedLog.PROPERTY + "=" + Specs.trace("election.ndjson").toAbsolutePath());
        }
        return new ModelChecker().run(b.build());
    }

    @Test
    void aModelCheckWithoutATraceGetsNoOverridesAndNoWarnings() throws Exception {
        ModelCheckResult r = check(false);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aModelCheckNamingATraceGetsThemWithoutWarnings() throws Exception {
        ModelCheckResult r = check(true);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.warnings()).extracting(TlcWarning::code)
                .doesNotContain(EC.TLC_MODULE_VALUE_JAVA_METHOD_OVERRIDE_MODULE_MISMATCH);
    }
}
