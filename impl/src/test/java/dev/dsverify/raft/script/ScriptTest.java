package dev.dsverify.raft.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dsverify.raft.sim.ContractReplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every transcript in src/test/resources/testdata: each command's output must equal the golden text, and
 * the run's merged trace must be explained step by step by the contract (the Java reading of Raft.tla; the
 * trace-validation module replays the same transcripts through TLC on Raft.tla itself).
 * With -Ddsverify.rewrite=true the goldens are rewritten instead of compared.
 */
class ScriptTest {
    static final Path TESTDATA = Path.of("src/test/resources/testdata");

    static List<Path> transcripts() throws IOException {
        try (Stream<Path> s = Files.list(TESTDATA)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTranscriptMatchesItsGoldenAndTheContract() throws IOException {
        List<Path> files = transcripts();
        assertThat(files).as("transcripts in " + TESTDATA.toAbsolutePath()).isNotEmpty();
        boolean rewrite = Boolean.getBoolean(GoldenDiff.REWRITE);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Transcript t = ScriptRunner.run(ScriptFile.read(f));
            if (rewrite) {
                String text = t.text();
                if (!text.equals(Files.readString(f, StandardCharsets.UTF_8))) {
                    Files.writeString(f, text, StandardCharsets.UTF_8);
                }
            } else {
                String diff = GoldenDiff.compare(t);
                if (diff != null) {
                    fail(diff);
                }
            }
            assertThat(t.trace()).as("trace of " + f).isNotEmpty();
            if (t.inContract()) {
                assertThat(ContractReplay.check(t.servers(), t.trace())).as("contract replay of " + f).isNull();
            }
        }));
    }
}
