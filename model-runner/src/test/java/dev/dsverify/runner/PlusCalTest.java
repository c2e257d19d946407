package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PlusCal specs: a translation that no longer matches its algorithm fails the check, {@code translate} runs
 * TLC's translator first (leaving the cfg and nothing else behind), and an untranslated algorithm is named.
 */
class PlusCalTest {
    private static final Path DIR = Path.of("src/test/resources/pluscal").toAbsolutePath();

    /** Copies a spec and its cfg, so that translating never touches the test resources. */
    private static Path copy(Path dir, String module) throws Exception {
        Files.copy(DIR.resolve(module + ".cfg"), dir.resolve(module + ".cfg"));
        return Files.copy(DIR.resolve(module + ".tla"), dir.resolve(module + ".tla"));
    }

    @Test
    void aStaleTranslationFailsWithWhereAndHowToFixIt(@TempDir Path dir) throws Exception {
        Path spec = copy(dir, "Stale");
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(spec).build());
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.message()).startsWith("stale PlusCal translation: the PlusCal algorithm in module Stale has"
                + " changed since its last translation").contains("--translate");
        assertThat(r.errorPosition().file()).isEqualTo(spec.toString());
        assertThat(r.errorPosition().line()).isEqualTo(12); // the BEGIN TRANSLATION line with the checksums
        assertThat(r.stats().distinctStates()).as("TLC stops once SANY reports the stale translation").isEqualTo(-1);
        assertThat(r.warnings()).extracting(TlcWarning::text)
                .containsExactly("The PlusCal algorithm in module Stale has changed since its last translation.");
    }

    @Test
    void aStaleTranslationMayBeAllowedAndStaysAWarning(@TempDir Path dir) throws Exception {
        Path spec = copy(dir, "Stale");
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(spec).allowStaleTranslation(true).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.stats().distinctStates()).isEqualTo(5); // the old translation: x counts to 3
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.code()).isNull());
    }

    @Test
    void translateBringsTheTranslationUpToDateAndLeavesTheCfgAlone(@TempDir Path dir) throws Exception {
        Path spec = copy(dir, "Stale");
        String cfg = Files.readString(dir.resolve("Stale.cfg"));
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(spec).translate(true).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.stats().distinctStates()).isEqualTo(7); // the new translation: x counts to 5
        assertThat(r.warnings()).isEmpty();
        assertThat(Files.readString(spec)).contains("IF x < 5").doesNotContain("IF x < 3")
                .containsPattern("BEGIN TRANSLATION \\(chksum\\(pcal\\) = \"[0-9a-f]{8}\"");
        assertThat(Files.readString(dir.resolve("Stale.cfg"))).isEqualTo(cfg);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("Stale.tla", "Stale.cfg");
        }
    }

    @Test
    void anUntranslatedAlgorithmIsNamedWithTheFix(@TempDir Path dir) throws Exception {
        Path spec = copy(dir, "Untranslated");
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(spec).build());
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.message()).contains("module Untranslated has a PlusCal algorithm but no TLA+ translation")
                .contains("--translate");
        assertThat(r.errorPosition().line()).isEqualTo(4);

        ModelCheckResult translated = Specs.CHECKER.run(ModelCheck.builder(spec).translate(true).build());
        assertThat(translated.outcome()).as(translated.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(translated.stats().distinctStates()).isEqualTo(4);
        assertThat(Files.readString(spec)).contains("\\* BEGIN TRANSLATION (chksum(pcal)");
    }

    @Test
    void aTranslatorErrorNamesTheLine(@TempDir Path dir) throws Exception {
        Path spec = copy(dir, "Untranslated");
        Files.writeString(spec, Files.readString(spec).replace("while x < 2 do", "while x < 2"));
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(spec).translate(true).build());
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.message()).startsWith("PlusCal translation of Untranslated.tla failed: Expected \"do\"");
        assertThat(r.errorPosition().line()).isEqualTo(8);
    }
}
