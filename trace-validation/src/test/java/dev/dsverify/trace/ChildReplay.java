package dev.dsverify.trace;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Replays a trace against Raft.tla in a JVM of its own, for tests that need its heap or java.io.tmpdir set. */
final class ChildReplay {
    private ChildReplay() {
    }

    /** Replays the trace given as the second argument against the spec given as the first; prints the verdict. */
    public static void main(String[] args) throws Exception {
        TraceResult r = TraceValidator.validate(Path.of(args[0]), List.of(Path.of(args[1])));
        System.out.println(r.verdict() + " " + r.matchedEvents() + "/" + r.events());
    }

    /** Replays {@code trace} in a child JVM started with {@code jvmArgs}; its output, once it exited with 0. */
    static String run(Path trace, String... jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildReplay.class.getName(),
                Specs.raft().toString(), trace.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
