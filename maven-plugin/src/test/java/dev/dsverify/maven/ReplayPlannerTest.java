package dev.dsverify.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayPlannerTest {
    @TempDir
    Path project;
    private ReplayPlanner planner;

    @BeforeEach
    void setUp() throws Exception {
        Path traces = Files.createDirectories(project.resolve("traces/cluster"));
        for (String f : List.of("traces/b.ndjson", "traces/a.ndjson", "traces/notes.txt", "traces/cluster/n1.ndjson",
                "traces/cluster/n2.ndjson", "other/a.ndjson")) {
            Files.createDirectories(project.resolve(f).getParent());
            Files.writeString(project.resolve(f), "");
        }
        planner = new ReplayPlanner(project);
    }

    @Test
    void every_ndjson_file_of_a_traces_directory_is_a_run_of_its_own_in_name_order() throws Exception {
        List<ReplayPlanner.PlannedRun> plan = planner.plan(List.of(new File("traces")), null);
        assertThat(plan).extracting(ReplayPlanner.PlannedRun::name).containsExactly("a", "b");
        assertThat(plan.get(0).files()).containsExactly(project.resolve("traces/a.ndjson"));
    }

    @Test
    void the_files_of_a_run_are_replayed_together_in_the_order_given() throws Exception {
        ReplayRun listed = new ReplayRun("election", List.of(new File("traces/cluster/n2.ndjson"),
                new File("traces/cluster/n1.ndjson")), null);
        ReplayRun directory = new ReplayRun(null, null, new File("traces/cluster"));
        List<ReplayPlanner.PlannedRun> plan = planner.plan(null, List.of(listed, directory));
        assertThat(plan).extracting(ReplayPlanner.PlannedRun::name).containsExactly("election", "cluster");
        assertThat(plan.get(0).files()).containsExactly(project.resolve("traces/cluster/n2.ndjson"),
                project.resolve("traces/cluster/n1.ndjson"));
        assertThat(plan.get(1).files()).containsExactly(project.resolve("traces/cluster/n1.ndjson"),
                project.resolve("traces/cluster/n2.ndjson"));
    }

    @Test
    void runs_with_the_same_name_get_distinct_result_files() throws Exception {
        List<ReplayPlanner.PlannedRun> plan = planner.plan(List.of(new File("traces/a.ndjson"),
                new File("other/a.ndjson")), List.of(new ReplayRun("a", List.of(new File("traces/b.ndjson")), null),
                new ReplayRun("x/../y z", List.of(new File("traces/b.ndjson")), null)));
        assertThat(plan).extracting(ReplayPlanner.PlannedRun::name).containsExactly("a", "a-2", "a-3", "x_.._y_z");
    }

    @Test
    void a_missing_trace_or_an_empty_run_is_a_configuration_error_naming_it() {
        assertThatThrownBy(() -> planner.plan(List.of(new File("traces/gone.ndjson")), null))
                .isInstanceOf(ReplayPlanner.ConfigurationError.class)
                .hasMessageContaining("gone.ndjson: no such file or directory");
        assertThatThrownBy(() -> planner.plan(null, List.of(new ReplayRun("r", List.of(new File("nope.ndjson")), null))))
                .hasMessageContaining("run 'r': ").hasMessageContaining("nope.ndjson: no such file");
        assertThatThrownBy(() -> planner.plan(null, List.of(new ReplayRun(null, null, null))))
                .hasMessageContaining("run #1 has no trace files");
    }

    @Test
    void a_directory_without_traces_is_an_error() throws Exception {
        Files.createDirectories(project.resolve("empty"));
        assertThatThrownBy(() -> planner.plan(List.of(new File("empty")), null))
                .hasMessageContaining("no *.ndjson files in");
    }

    @Test
    void the_spec_is_found_in_the_nearest_parent_that_has_one() throws Exception {
        Path spec = project.resolve("specs/raft/Raft.tla");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, "");
        Path module = Files.createDirectories(project.resolve("a/b/c"));
        assertThat(ReplayPlanner.findSpec(module)).isEqualTo(spec);
        assertThat(ReplayPlanner.findSpec(project)).isEqualTo(spec);
    }
}
