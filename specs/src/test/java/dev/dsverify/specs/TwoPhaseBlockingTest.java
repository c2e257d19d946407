package dev.dsverify.specs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.ModelChecker;
import dev.dsverify.runner.Outcome;
import dev.dsverify.runner.TraceState;
import dev.dsverify.runner.catalog.Catalog;
import dev.dsverify.runner.catalog.CatalogEntry;
import dev.dsverify.runner.value.TlaBool;
import dev.dsverify.runner.value.TlaRecord;
import dev.dsverify.runner.value.TlaSet;
import dev.dsverify.runner.value.TlaString;
import dev.dsverify.runner.value.TlaValue;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Two-phase commit blocks: once every resource manager has prepared and the transaction manager is down,
 * no live resource manager can ever decide. The liveness counterexample must show exactly that end state,
 * stuttering forever; the path to it may vary with TLC's exploration order, so only the end is asserted.
 */
class TwoPhaseBlockingTest {

    @Test
    void everyRmPreparedAndTheTmDownStuttersForever() throws Exception {
        CatalogEntry entry = Catalog.load(Path.of("twophase/catalog.json").toAbsolutePath()).entries().stream()
                .filter(e -> e.name().equals("twophase.failures.blocking"))
                .findFirst().orElseThrow();

        ModelCheckResult r = new ModelChecker().run(entry.toModelCheck());

        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PROPERTY_VIOLATION);
        assertThat(r.violated()).isEqualTo("EveryLiveRMDecides");
        assertThat(r.stuttering()).isTrue();
        assertThat(r.loopsBackTo()).isNull();
        assertThat(r.trace()).isNotEmpty();

        TraceState last = r.trace().get(r.trace().size() - 1);
        TlaRecord rmState = (TlaRecord) last.vars().get("rmState");
        assertThat(rmState.fields()).hasSize(3);
        assertThat(rmState.fields().values()).allMatch(v -> v.equals(new TlaString("prepared")));
        assertThat(last.vars().get("tmUp")).isEqualTo(TlaBool.FALSE);
        assertThat(last.vars().get("tmState")).isEqualTo(new TlaString("init"));
        TlaSet rmUp = (TlaSet) last.vars().get("rmUp");
        assertThat(rmUp.elements()).containsExactlyInAnyOrder(
                new TlaString("r1"), new TlaString("r2"), new TlaString("r3"));

        // The first state is an initial one: the TM is up and nobody has prepared yet.
        TlaValue firstTmUp = r.trace().get(0).vars().get("tmUp");
        assertThat(firstTmUp).isEqualTo(TlaBool.TRUE);
    }
}
