package dev.dsverify.trace;

import dev.dsverify.trace.log.TraceFormatException;
import dev.dsverify.trace.replay.SpecLoadException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A lock service no other test knows, with a trace spec written from the README's "Logs of any system" section
 * only: good logs match, each kind of wrong log diverges at exactly its first wrong line with the false guard or
 * the differing field, malformed lines are bad input with file, line and field, and a broken trace spec is
 * reported against the user's file.
 */
class TraceSpecValidatorTest {
    private static final Path SPECS = Path.of("src/test/resources/lockservice");

    @TempDir
    Path tmp;
    private Path traceSpec;
    private List<String> good;

    @BeforeEach
    void copySpecs() throws IOException {
        for (String f : List.of("LockService.tla", "TraceLockService.tla", "TraceLockService.cfg")) {
            Files.copy(SPECS.resolve(f), tmp.resolve(f));
        }
        traceSpec = tmp.resolve("TraceLockService.tla");
        good = Files.readAllLines(SPECS.resolve("good.ndjson"));
    }

    private Path log(String name, List<String> lines) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, lines);
        return p;
    }

    private List<String> edited(int line, String from, String to) {
        List<String> l = new ArrayList<>(good);
        assertThat(l.get(line - 1)).contains(from);
        l.set(line - 1, l.get(line - 1).replace(from, to));
        return l;
    }

    private TraceResult replay(Path... logs) throws Exception {
        return TraceSpecValidator.validate(traceSpec, List.of(logs));
    }

    @Test
    void aGoodLogMatches() throws Exception {
        TraceResult r = replay(log("good.ndjson", good));
        assertThat(r.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(r.matchedEvents()).isEqualTo(8);
        assertThat(r.coverage()).containsEntry("Request", 3L).containsEntry("Grant", 3L).containsEntry("Release", 2L);
    }

    @Test
    void aWrongLoggedFieldDivergesAtItsLineNamingTheFieldAndBothValues() throws Exception {
        TraceResult r = replay(log("count.ndjson", edited(8, "\"count\":2", "\"count\":3")));
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.firstUnmatchedLine()).isEqualTo(8);
        assertThat(r.matchedEvents()).isEqualTo(7);
        assertThat(r.reasons()).singleElement().asString()
                .contains("arm `e.event = \"Grant\"`", "Grant(\"c1\")", ".count: expected (spec) 2, logged 3")
                .doesNotContain("holder:");
        assertThat(r.statesBefore()).singleElement().asString()
                .contains("holder = Nobody", "grants = [c1 |-> 1, c2 |-> 1]")
                .doesNotContain("dsverifyLine");
    }

    @Test
    void aStepWhoseGuardIsFalseNamesTheGuardOfTheSystemSpec() throws Exception {
        List<String> l = new ArrayList<>(good);
        l.remove(3); // c1 never releases: granting c2 next is impossible
        TraceResult r = replay(log("norelease.ndjson", l));
        assertThat(r.firstUnmatchedLine()).isEqualTo(4);
        assertThat(r.reasons()).singleElement().asString()
                .contains("Grant(\"c2\") is not enabled: `holder = Nobody` (LockService.tla line 24) is FALSE");
    }

    @Test
    void aPostStateCheckOfAVariableShowsExpectedAndLoggedValues() throws Exception {
        TraceResult r = replay(log("waiting.ndjson", edited(2, "[\"c1\",\"c2\"]", "[\"c2\"]")));
        assertThat(r.firstUnmatchedLine()).isEqualTo(2);
        assertThat(r.reasons()).singleElement().asString()
                .contains("after Request(\"c2\")", "waiting': expected (spec) {\"c1\", \"c2\"}, logged (ToSet(e.waiting)) {\"c2\"}");
    }

    @Test
    void anEventNoArmExplainsIsNamed() throws Exception {
        TraceResult r = replay(log("typo.ndjson", edited(5, "Grant", "Grnat")));
        assertThat(r.firstUnmatchedLine()).isEqualTo(5);
        assertThat(r.reasons()).singleElement().asString()
                .contains("no arm of the CASE (TraceLockService.tla line 8)", "`e.event = \"Release\"` are all FALSE");
    }

    @Test
    void perNodeFilesAreMergedByLamportClock() throws Exception {
        Path c1 = log("c1.ndjson", List.of(
                "{\"clock\":1,\"event\":\"Request\",\"node\":\"c1\",\"waiting\":[\"c1\"]}",
                "{\"clock\":3,\"event\":\"Grant\",\"node\":\"c1\",\"state\":{\"holder\":\"c1\"}}",
                "{\"clock\":4,\"event\":\"Release\",\"node\":\"c1\"}"));
        Path c2 = log("c2.ndjson", List.of(
                "{\"clock\":2,\"event\":\"Request\",\"node\":\"c2\",\"waiting\":[\"c1\",\"c2\"]}",
                "{\"clock\":5,\"event\":\"Grant\",\"node\":\"c2\",\"state\":{\"holder\":\"c2\",\"count\":1}}"));
        assertThat(replay(c1, c2).verdict()).isEqualTo(Verdict.MATCH);
        Path late = log("late.ndjson", List.of(
                "{\"clock\":6,\"event\":\"Request\",\"node\":\"c2\",\"waiting\":[\"c1\",\"c2\"]}",
                "{\"clock\":7,\"event\":\"Grant\",\"node\":\"c2\",\"state\":{\"holder\":\"c2\"}}"));
        TraceResult r = replay(c1, late);
        assertThat(r.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(r.file()).isEqualTo(late.toString());
        assertThat(r.firstUnmatchedLine()).isEqualTo(1);
        Path noClock = log("noclock.ndjson", List.of("{\"event\":\"Request\",\"node\":\"c2\",\"waiting\":[\"c2\"]}"));
        assertThatThrownBy(() -> replay(c1, noClock)).isInstanceOf(TraceFormatException.class)
                .hasMessage(noClock + ":1: field 'clock': missing: several files are merged by Lamport clock, so every line needs one");
    }

    /** JSON null is the model value TraceNull: a spec's "nobody" constant may be bound to it in the cfg. */
    @Test
    void nullIsTraceNullWhichAConstantMayStandFor() throws Exception {
        Files.writeString(traceSpec, Files.readString(traceSpec).replace(
                "Release(e.node) /\\ (Logged(e, \"grants\") => grants' = e.grants)",
                "Release(e.node) /\\ (Logged(e, \"grants\") => grants' = e.grants) /\\ (Logged(e, \"holder\") => holder' = e.holder)"));
        Files.writeString(tmp.resolve("TraceLockService.cfg"), "CONSTANT Client <- TraceNodes\nCONSTANT Nobody <- TraceNull\n");
        TraceResult freed = replay(log("null.ndjson", edited(4, "\"node\":\"c1\"}", "\"node\":\"c1\",\"holder\":null}")));
        assertThat(freed.verdict()).as(TraceReport.text(freed)).isEqualTo(Verdict.MATCH);
        TraceResult kept = replay(log("kept.ndjson", edited(4, "\"node\":\"c1\"}", "\"node\":\"c1\",\"holder\":\"c1\"}")));
        assertThat(kept.verdict()).isEqualTo(Verdict.DIVERGENCE);
        assertThat(kept.firstUnmatchedLine()).isEqualTo(4);
        assertThat(String.join("\n", kept.reasons())).as(TraceReport.text(kept)).contains("TraceNull", "\"c1\"");
    }

    /** Without the binding, a trace spec compares null with its own constant explicitly. */
    @Test
    void nullComparesWithAnyValueWithoutError() throws Exception {
        Files.writeString(traceSpec, Files.readString(traceSpec).replace(
                "Release(e.node) /\\ (Logged(e, \"grants\") => grants' = e.grants)",
                "Release(e.node) /\\ (Logged(e, \"grants\") => grants' = e.grants)"
                        + " /\\ (Logged(e, \"holder\") => holder' = IF e.holder = TraceNull THEN Nobody ELSE e.holder)"));
        TraceResult freed = replay(log("null.ndjson", edited(4, "\"node\":\"c1\"}", "\"node\":\"c1\",\"holder\":null}")));
        assertThat(freed.verdict()).as(TraceReport.text(freed)).isEqualTo(Verdict.MATCH);
        TraceResult kept = replay(log("kept.ndjson", edited(4, "\"node\":\"c1\"}", "\"node\":\"c1\",\"holder\":\"c1\"}")));
        assertThat(kept.verdict()).isEqualTo(Verdict.DIVERGENCE);
    }

    @Test
    void valuesWithoutATlaFormAreBadInputNamingFileLineAndField() throws Exception {
        Path big = log("big.ndjson", edited(3, "\"count\":1", "\"count\":99999999999"));
        assertThatThrownBy(() -> replay(big)).isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(big + ":3: field 'state.count': integer 99999999999 is outside TLC's integer range");
        Path frac = log("frac.ndjson", edited(2, "[\"c1\",\"c2\"]", "[\"c1\",2.5]"));
        assertThatThrownBy(() -> replay(frac)).isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(frac + ":2: field 'waiting[1]': fractional number 2.5");
        Path notObject = log("array.ndjson", List.of(good.get(0), "[1,2]"));
        assertThatThrownBy(() -> replay(notObject)).isInstanceOf(TraceFormatException.class)
                .hasMessage(notObject + ":2: a line must be a JSON object");
        Path badMiddle = log("middle.ndjson", List.of(good.get(0), "{\"event\":\"Req", good.get(1)));
        assertThatThrownBy(() -> replay(badMiddle)).isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(badMiddle + ":2: invalid JSON");
    }

    @Test
    void aLastLineTornByACrashIsIgnored() throws Exception {
        Path torn = tmp.resolve("torn.ndjson");
        Files.writeString(torn, String.join("\n", good.subList(0, 3)) + "\n{\"event\":\"Rel");
        TraceResult r = replay(torn);
        assertThat(r.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(r.events()).isEqualTo(3);
        Path onlyTorn = tmp.resolve("onlytorn.ndjson");
        Files.writeString(onlyTorn, "{\"event\":\"Rel");
        assertThatThrownBy(() -> replay(onlyTorn)).isInstanceOf(TraceFormatException.class)
                .hasMessage(onlyTorn + ": empty trace: no events");
    }

    @Test
    void aTraceSpecWithoutReplayStepIsRefusedNamingItsFile() throws Exception {
        Files.writeString(traceSpec, Files.readString(traceSpec).replace("ReplayStep(e) ==", "Explain(e) =="));
        Path g = log("good.ndjson", good);
        assertThatThrownBy(() -> replay(g)).isInstanceOf(SpecLoadException.class)
                .hasMessage(traceSpec + ": not a trace spec: it lacks a definition ReplayStep(e) == ... (the step explaining log record e)");
    }

    @Test
    void errorsInTheTraceSpecPointIntoItNotIntoTheEnginesModules() throws Exception {
        Files.writeString(traceSpec, Files.readString(traceSpec).replace("Request(e.node) /\\", "Requst(e.node) /\\"));
        Path g = log("good.ndjson", good);
        assertThatThrownBy(() -> replay(g)).isInstanceOf(SpecLoadException.class)
                .hasMessageContaining(traceSpec.toString())
                .hasMessageContaining("line 8, col 33 to line 8, col 38 of module TraceLockService")
                .hasMessageContaining("Unknown operator: `Requst'")
                .hasMessageNotContaining(TraceSpecValidator.DRIVER);
    }

    @Test
    void raftAndTraceSpecReplaysTakeTurnsInOneJvm() throws Exception {
        // TLC holds the loaded spec in static fields: each replay must notice that the other one replaced it
        Path g = log("good.ndjson", good);
        for (int round = 0; round < 2; round++) {
            assertThat(TraceValidator.validate(Specs.raft(), Specs.trace("election.ndjson")).verdict()).isEqualTo(Verdict.MATCH);
            assertThat(replay(g).verdict()).isEqualTo(Verdict.MATCH);
        }
    }

    @Test
    void theCfgGivesOnlyConstantsToTheReplay() {
        assertThat(TraceSpecValidator.constantSections("""
                \\* comment
                CONSTANT Client <- TraceNodes
                INIT Init
                NEXT Next
                CONSTANTS
                  Nobody = Nobody (* a model value *)
                INVARIANT Mutex
                """)).isEqualTo("CONSTANT Client <- TraceNodes\nCONSTANTS\n  Nobody = Nobody  \n");
    }
}
