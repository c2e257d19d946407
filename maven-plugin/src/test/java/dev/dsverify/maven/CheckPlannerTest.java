package dev.dsverify.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.runner.Expectation;
import dev.dsverify.runner.Outcome;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckPlannerTest {
    @TempDir
    Path project;
    private CheckPlanner planner;

    @BeforeEach
    void setUp() throws Exception {
        Path tla = Files.createDirectories(project.resolve("src/main/tla/sub"));
        touch(tla.resolve("../Raft.tla"));
        touch(tla.resolve("../MCRaft.tla"));
        touch(tla.resolve("../MCRaft.cfg"));
        touch(tla.resolve("Lock.tla"));
        touch(tla.resolve("Lock.cfg"));
        touch(tla.resolve("Orphan.cfg"));
        planner = new CheckPlanner(project, Duration.ofMinutes(3), 2);
    }

    private static void touch(Path p) throws Exception {
        Files.writeString(p.normalize(), "");
    }

    @Test
    void without_configuration_every_module_with_a_cfg_is_a_model_expected_to_succeed() throws Exception {
        List<PlannedCheck> plan = planner.plan(null, null, new File("src/main/tla"));
        assertThat(plan).extracting(PlannedCheck::name).containsExactly("MCRaft", "Lock");
        PlannedCheck raft = plan.get(0);
        assertThat(raft.expected()).isEqualTo(Expectation.success());
        assertThat(raft.check().spec()).isEqualTo(project.resolve("src/main/tla/MCRaft.tla"));
        assertThat(raft.check().config()).isEqualTo(project.resolve("src/main/tla/MCRaft.cfg"));
        assertThat(raft.check().timeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(raft.check().workers()).isEqualTo(2);
        assertThat(raft.check().libraryPath()).isEmpty();
        // Lock sits in sub/: it may extend modules at the top of the spec directory.
        assertThat(plan.get(1).check().libraryPath()).containsExactly(project.resolve("src/main/tla"));
    }

    @Test
    void a_missing_spec_directory_plans_nothing() throws Exception {
        assertThat(planner.plan(null, List.of(), new File("nowhere"))).isEmpty();
    }

    @Test
    void pom_models_carry_expectation_timeout_workers_and_tags() throws Exception {
        Model m = new Model(new File("src/main/tla/sub/Lock.tla"), null, null, "invariant_violation", "Mutex");
        m.timeout = "90";
        m.workers = 1;
        m.tags = List.of("quick");
        List<PlannedCheck> plan = planner.plan(null, List.of(m), new File("src/main/tla"));
        // The configured model refines the discovered Lock (same spec and cfg); MCRaft is still discovered.
        assertThat(plan).extracting(PlannedCheck::name).containsExactly("Lock", "MCRaft");
        PlannedCheck c = plan.get(0);
        assertThat(c.name()).isEqualTo("Lock");
        assertThat(c.expected()).isEqualTo(new Expectation(Outcome.INVARIANT_VIOLATION, "Mutex"));
        assertThat(c.check().timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.check().workers()).isEqualTo(1);
        assertThat(c.tags()).containsExactly("quick");
    }

    @Test
    void bad_pom_models_are_reported_with_entry_and_field() {
        assertThatThrownBy(() -> planner.plan(null, List.of(new Model()), null))
                .hasMessage("<models> entry 1: <spec> is required");
        Model missing = new Model(new File("src/main/tla/Nope.tla"), null, "Nope", null, null);
        assertThatThrownBy(() -> planner.plan(null, List.of(missing), null))
                .hasMessageStartingWith("<models> entry 1 (Nope): <spec> file not found: ")
                .hasMessageEndingWith("Nope.tla");
        Model noCfg = new Model(new File("src/main/tla/Raft.tla"), null, null, null, null);
        assertThatThrownBy(() -> planner.plan(null, List.of(noCfg), null))
                .hasMessageContaining("no <cfg> given and default file not found").hasMessageEndingWith("Raft.cfg");
        Model badOutcome = new Model(new File("src/main/tla/sub/Lock.tla"), null, null, "broken", null);
        assertThatThrownBy(() -> planner.plan(null, List.of(badOutcome), null))
                .hasMessageContaining("<expect> 'broken' is not one of success, invariant_violation");
        Model badTimeout = new Model(new File("src/main/tla/sub/Lock.tla"), null, null, null, null);
        badTimeout.timeout = "5 minutes";
        assertThatThrownBy(() -> planner.plan(null, List.of(badTimeout), null))
                .hasMessageContaining("<timeout> '5 minutes' is not a duration such as PT5M");
        Model violatedOnSuccess = new Model(new File("src/main/tla/sub/Lock.tla"), null, null, null, "Mutex");
        assertThatThrownBy(() -> planner.plan(null, List.of(violatedOnSuccess), null))
                .hasMessageContaining("<violated> is given but <expect> is success");
    }

    @Test
    void pom_models_carry_their_library_directories() throws Exception {
        Files.createDirectories(project.resolve("lib/common"));
        Model m = new Model(new File("src/main/tla/sub/Lock.tla"), null, null, null, null);
        m.library = List.of(new File("src/main/tla"), project.resolve("lib/common").toFile());
        PlannedCheck c = planner.plan(null, List.of(m), null).get(0);
        assertThat(c.check().libraryPath())
                .containsExactly(project.resolve("src/main/tla"), project.resolve("lib/common"));
        Model plain = new Model(new File("src/main/tla/sub/Lock.tla"), null, null, null, null);
        assertThat(planner.plan(null, List.of(plain), null).get(0).check().libraryPath()).isEmpty();
    }

    @Test
    void pom_models_may_check_liveness_once_at_the_end() throws Exception {
        Model m = new Model(new File("src/main/tla/sub/Lock.tla"), null, "Lock", null, null);
        assertThat(planner.plan(null, List.of(m), null).get(0).check().livenessAtEnd()).isFalse();
        m.livenessCheck = "final";
        assertThat(planner.plan(null, List.of(m), null).get(0).check().livenessAtEnd()).isTrue();
        m.livenessCheck = "eventually";
        assertThatThrownBy(() -> planner.plan(null, List.of(m), null))
                .hasMessage("<models> entry 1 (Lock): <livenessCheck> must be final or periodic, got 'eventually'");
    }

    @Test
    void a_missing_library_directory_is_reported_with_entry_and_field() {
        Model m = new Model(new File("src/main/tla/sub/Lock.tla"), null, "Lock", null, null);
        m.library = List.of(new File("src/main/tla"), new File("lib/gone"));
        assertThatThrownBy(() -> planner.plan(null, List.of(m), null))
                .hasMessage("<models> entry 1 (Lock): <library> directory not found: " + project.resolve("lib/gone"));
        Model file = new Model(new File("src/main/tla/sub/Lock.tla"), null, "Lock", null, null);
        file.library = List.of(new File("src/main/tla/Raft.tla"));
        assertThatThrownBy(() -> planner.plan(null, List.of(file), null))
                .hasMessageContaining("<library> directory not found: ").hasMessageEndingWith("Raft.tla");
    }

    @Test
    void duplicate_names_are_rejected() {
        Model a = new Model(new File("src/main/tla/sub/Lock.tla"), null, null, null, null);
        Model b = new Model(new File("src/main/tla/sub/Lock.tla"), null, null, null, null);
        assertThatThrownBy(() -> planner.plan(null, List.of(a, b), null))
                .hasMessageContaining("two models are named 'Lock'");
    }

    @Test
    void catalog_entries_are_planned_and_catalog_errors_name_the_file() throws Exception {
        Path cat = project.resolve("catalog.json");
        Files.writeString(cat, """
                {"schema": 1, "models": [
                  {"name": "L", "spec": "src/main/tla/sub/Lock.tla", "config": "src/main/tla/sub/Lock.cfg",
                   "expect": {"outcome": "deadlock"}, "tags": ["slow"], "timeout": "PT1M",
                   "library": ["src/main/tla"]}]}
                """);
        List<PlannedCheck> plan = planner.plan(new File("catalog.json"), null, null);
        assertThat(plan).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("L");
            assertThat(c.expected().outcome()).isEqualTo(Outcome.DEADLOCK);
            assertThat(c.check().timeout()).isEqualTo(Duration.ofMinutes(1));
            assertThat(c.check().workers()).isEqualTo(2);
            assertThat(c.tags()).containsExactly("slow");
            assertThat(c.check().libraryPath()).containsExactly(project.resolve("src/main/tla"));
        });
        Files.writeString(cat, "{\"schema\": 1, \"models\": [{\"name\": \"L\", \"spek\": \"x\"}]}");
        assertThatThrownBy(() -> planner.plan(new File("catalog.json"), null, null))
                .hasMessageStartingWith("invalid catalog: ").hasMessageContaining("catalog.json");
        assertThatThrownBy(() -> planner.plan(new File("missing.json"), null, null))
                .hasMessageStartingWith("catalog file not found: ");
    }

    @Test
    void one_configured_model_never_turns_discovery_off() throws Exception {
        // A second model of the same spec with another cfg adds to the discovered ones.
        touch(project.resolve("src/main/tla/sub/LockBroken.cfg"));
        Model broken = new Model(new File("src/main/tla/sub/Lock.tla"), new File("src/main/tla/sub/LockBroken.cfg"),
                null, "invariant_violation", "Mutex");
        CheckPlanner.Plan plan = planner.plan(null, List.of(broken), new File("src/main/tla"), true, false, false);
        assertThat(plan.checks()).extracting(PlannedCheck::name).containsExactly("LockBroken", "MCRaft", "Lock");
        assertThat(plan.checks().get(2).expected()).isEqualTo(Expectation.success());
        assertThat(plan.unchecked()).isEmpty();
    }

    @Test
    void with_discovery_off_each_model_left_unchecked_is_named() throws Exception {
        Model lock = new Model(new File("src/main/tla/sub/Lock.tla"), null, null, null, null);
        CheckPlanner.Plan plan = planner.plan(null, List.of(lock), new File("src/main/tla"), false, false, false);
        assertThat(plan.checks()).extracting(PlannedCheck::name).containsExactly("Lock");
        assertThat(plan.unchecked()).containsExactly(project.resolve("src/main/tla/MCRaft.tla"));
        // Nothing configured and discovery off: nothing is checked, and every model says so.
        CheckPlanner.Plan none = planner.plan(null, null, new File("src/main/tla"), false, false, false);
        assertThat(none.checks()).isEmpty();
        assertThat(none.unchecked()).hasSize(2);
    }

    @Test
    void a_catalog_entry_refines_a_discovered_model_too() throws Exception {
        Files.writeString(project.resolve("catalog.json"), """
                {"schema": 1, "models": [
                  {"name": "L", "spec": "src/main/tla/sub/Lock.tla", "config": "src/main/tla/sub/Lock.cfg",
                   "expect": {"outcome": "deadlock"}}]}
                """);
        List<PlannedCheck> plan = planner.plan(new File("catalog.json"), null, new File("src/main/tla"));
        assertThat(plan).extracting(PlannedCheck::name).containsExactly("L", "MCRaft");
    }

    @Test
    void translate_and_stale_translation_settings_come_from_the_goal_unless_the_model_sets_them() throws Exception {
        Model own = new Model(new File("src/main/tla/sub/Lock.tla"), null, "Own", null, null);
        own.translate = false;
        own.allowStaleTranslation = false;
        Model inherits = new Model(new File("src/main/tla/sub/Lock.tla"), null, "Inherits", null, null);
        CheckPlanner.Plan plan = planner.plan(null, List.of(own, inherits), new File("src/main/tla"), true, true, true);
        assertThat(plan.checks()).extracting(PlannedCheck::name).containsExactly("Own", "Inherits", "MCRaft");
        assertThat(plan.checks().get(0).check().translate()).isFalse();
        assertThat(plan.checks().get(0).check().allowStaleTranslation()).isFalse();
        assertThat(plan.checks().get(1).check().translate()).isTrue();
        assertThat(plan.checks().get(1).check().allowStaleTranslation()).isTrue();
        assertThat(plan.checks().get(2).check().translate()).isTrue();
        assertThat(planner.plan(null, List.of(inherits), null).get(0).check().translate()).isFalse();
    }

    @Test
    void tags_select_models_having_any_of_them() throws Exception {
        Model quick = new Model(new File("src/main/tla/sub/Lock.tla"), null, "Q", null, null);
        quick.tags = List.of("quick");
        Model slow = new Model(new File("src/main/tla/sub/Lock.tla"), null, "S", null, null);
        slow.tags = List.of("slow", "nightly");
        Model none = new Model(new File("src/main/tla/sub/Lock.tla"), null, "N", null, null);
        List<PlannedCheck> plan = planner.plan(null, List.of(quick, slow, none), null);
        assertThat(CheckPlanner.filter(plan, null)).hasSize(3);
        assertThat(CheckPlanner.filter(plan, "quick")).extracting(PlannedCheck::name).containsExactly("Q");
        assertThat(CheckPlanner.filter(plan, " nightly , quick")).extracting(PlannedCheck::name).containsExactly("Q", "S");
    }
}
