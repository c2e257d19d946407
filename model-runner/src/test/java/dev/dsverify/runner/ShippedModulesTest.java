package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.modules.CommunityModulesLibrary;
import dev.dsverify.runner.report.ModelReport;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tlc2.output.EC;
import tlc2.overrides.TLAPlusOperator;

/**
 * The modules shipped with the runner (TLAPS and the community modules): every operator against its documented
 * definition, once with the Java implementations and once with the TLA+ bodies alone; the Java implementations
 * really in use; a user's module of the same name winning; a missing module named with the line that wants it.
 */
class ShippedModulesTest {
    private static final Path DIR = Specs.DIR.resolve("modules");
    private static final Pattern LOADED = Pattern.compile("Loading (\\w+) operator override from (\\S+) with");

    /** The operators TLC loaded a Java body for (message 2168), as "Class.Operator". */
    private static final class Overrides implements ProgressListener {
        final List<TlcMessage> warnings = new ArrayList<>();
        final Set<String> loaded = new TreeSet<>();

        @Override
        public void message(TlcMessage m) {
            Matcher x = LOADED.matcher(m.text());
            if (m.code() == EC.TLC_MODULE_VALUE_JAVA_METHOD_OVERRIDE_LOADED && x.find()) {
                loaded.add(x.group(2).substring(x.group(2).lastIndexOf('.') + 1) + "." + x.group(1));
            }
            if (m.severity() == 3) {
                warnings.add(m);
            }
        }
    }

    /** Every operator that has a Java body, read from the annotations themselves (so none can be forgotten). */
    private static Set<String> javaOperators() throws ClassNotFoundException {
        Set<String> ops = new TreeSet<>();
        for (String c : List.of("FoldsOperators", "FunctionsOperators", "FiniteSetsExtOperators", "SequencesExtOperators")) {
            Class<?> k = Class.forName("dev.dsverify.runner.modules." + c);
            for (Method m : k.getDeclaredMethods()) {
                TLAPlusOperator a = m.getAnnotation(TLAPlusOperator.class);
                if (a != null) {
                    ops.add(c + "." + a.identifier());
                }
            }
        }
        return ops;
    }

    private static ModelCheck.Builder operators() {
        return ModelCheck.builder(DIR.resolve("ShippedOperators.tla")).config(DIR.resolve("ShippedOperators.cfg"));
    }

    @Test
    void everyOperatorMeetsItsDefinitionWithTheJavaImplementations() throws Exception {
        Overrides o = new Overrides();
        ModelCheckResult r = Specs.CHECKER.run(operators().build(), o);
        assertThat(r.outcome()).as(r.message() + " at " + r.errorPosition()).isEqualTo(Outcome.SUCCESS);
        // A Java method whose arity does not match the TLA+ operator is silently ignored by TLC: check that
        // TLC reported loading every single one.
        assertThat(javaOperators()).hasSizeGreaterThanOrEqualTo(21);
        assertThat(o.loaded).containsAll(javaOperators());
        assertThat(o.warnings).as("TLC warnings").isEmpty();
    }

    @Test
    void everyOperatorMeetsItsDefinitionWithTheTlaBodiesAlone() {
        Overrides o = new Overrides();
        ModelCheckResult r = Specs.CHECKER.run(
                operators().jvmArg("-D" + CommunityModulesLibrary.PURE_TLA + "=true").build(), o);
        assertThat(r.outcome()).as(r.message() + " at " + r.errorPosition()).isEqualTo(Outcome.SUCCESS);
        assertThat(o.loaded).isEmpty();
    }

    @Test
    void theJavaBodiesFoldThousandsOfElements() {
        ModelCheckResult r = Specs.CHECKER.run(
                ModelCheck.builder(DIR.resolve("Large.tla")).config(DIR.resolve("Large.cfg")).build());
        assertThat(r.outcome()).as(r.message() + " at " + r.errorPosition()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void counterexampleStepsAreNamedInASpecThatExtendsAShippedModule() {
        ModelCheckResult r = Specs.CHECKER.run(
                ModelCheck.builder(DIR.resolve("Stack.tla")).config(DIR.resolve("Stack.cfg")).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.INVARIANT_VIOLATION);
        assertThat(r.trace()).hasSize(3);
        assertThat(r.trace().get(1).call()).isEqualTo("Push(x)");
        assertThat(r.trace().get(2).call()).isEqualTo("Push(x)");
    }

    @Test
    void finiteSetsExtExportsWhatTheCommunityModuleExports() {
        Path dir = DIR.resolve("exports");
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(dir.resolve("ViaFiniteSetsExt.tla"))
                .config(dir.resolve("ViaFiniteSetsExt.cfg")).build());
        assertThat(r.outcome()).as(r.message() + " at " + r.errorPosition()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void aSpecThatUsesNoShippedModuleGetsNoOverrideAndNoWarning() {
        Overrides o = new Overrides();
        ModelCheckResult r = Specs.CHECKER.run(Specs.check("Counter", "CounterOk").build(), o);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(o.loaded).isEmpty();
        assertThat(o.warnings).isEmpty();
    }

    @Test
    void aModuleOfTheUsersWinsOverTheShippedOneOfTheSameName() {
        Overrides o = new Overrides();
        Path dir = DIR.resolve("shadow");
        ModelCheckResult r = Specs.CHECKER.run(
                ModelCheck.builder(dir.resolve("UsesOwnMax.tla")).config(dir.resolve("UsesOwnMax.cfg")).build(), o);
        assertThat(r.outcome()).as(r.message() + " at " + r.errorPosition()).isEqualTo(Outcome.SUCCESS);
        assertThat(o.loaded).isEmpty();
    }

    @Test
    void aMissingModuleIsNamedWithTheExtendsLineThatWantsIt() {
        Path spec = DIR.resolve("missing/ExtendsMissing.tla");
        ModelCheckResult r = Specs.CHECKER.run(
                ModelCheck.builder(spec).config(DIR.resolve("missing/ExtendsMissing.cfg")).build());
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(Path.of(r.errorPosition().file())).isEqualTo(spec);
        assertThat(r.errorPosition().line()).isEqualTo(4);
        assertThat(r.errorPosition().column()).isEqualTo(21);
        assertThat(r.message())
                .startsWith("module NoSuchModule not found: EXTENDS NoSuchModule at " + spec + ":4;")
                .contains("searched " + spec.getParent() + ", ")
                .contains("TLAPS", "SequencesExt", "TLC's standard modules")
                .contains("--library DIR", "<library>")
                .doesNotContain("dsverify-tlc-", ":0:0", "tmp-server");
        // The one-line summary of the build log and the reports names the module too.
        assertThat(new ModelReport(r, Expectation.success()).describe())
                .isEqualTo("module NoSuchModule not found at " + spec + ":4:21 (expected success)");
    }

    @Test
    void aMissingInstanceIsNamedWithItsLine() {
        Path spec = DIR.resolve("missing/InstanceMissing.tla");
        ModelCheckResult r = Specs.CHECKER.run(
                ModelCheck.builder(spec).config(DIR.resolve("missing/InstanceMissing.cfg")).build());
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.message()).startsWith("module AlsoMissing not found: INSTANCE AlsoMissing at " + spec + ":7;");
        assertThat(r.errorPosition().line()).isEqualTo(7);
    }

    @Test
    void aModuleMissingFromALibraryModuleIsNamedInThatModuleAndTheLibraryIsListed() {
        Path lib = DIR.resolve("missing/lib");
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(DIR.resolve("missing/ViaLibrary.tla"))
                .config(DIR.resolve("missing/ViaLibrary.cfg")).addLibrary(lib).build());
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.message())
                .startsWith("module Missing3 not found: INSTANCE Missing3 at " + lib.resolve("Wrapper.tla") + ":2;")
                .contains(lib.toString());
    }
}
