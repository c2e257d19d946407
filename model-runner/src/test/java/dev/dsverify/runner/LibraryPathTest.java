package dev.dsverify.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model in one directory that extends a module in another: {@code library/models/Tick.tla} extends
 * {@code library/lib/Bound.tla}, which TLC finds only through the library path.
 */
class LibraryPathTest {
    private static final Path MODELS = Specs.DIR.resolve("library/models");
    private static final Path LIB = Specs.DIR.resolve("library/lib");

    private static ModelCheck.Builder tick(String cfg) {
        return ModelCheck.builder(MODELS.resolve("Tick.tla")).config(MODELS.resolve(cfg + ".cfg"));
    }

    @Test
    void moduleInALibraryDirectoryIsFound() {
        ModelCheckResult r = Specs.CHECKER.run(tick("Tick").addLibrary(LIB).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.stats().distinctStates()).isEqualTo(4);
    }

    @Test
    void withoutTheLibraryTheModuleIsMissing() {
        ModelCheckResult r = Specs.CHECKER.run(tick("Tick").build());
        assertThat(r.outcome()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.message()).contains("Bound");
    }

    @Test
    void directoriesAreSearchedInOrderAfterTheFirstThatLacksTheModule() {
        // A directory without Bound.tla first: TLC must go on to the next one.
        ModelCheckResult r = Specs.CHECKER.run(tick("Tick").libraryPath(List.of(MODELS, LIB)).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void relativeLibraryDirectoryIsResolvedAgainstTheWorkingDirectory() {
        Path relative = Path.of("").toAbsolutePath().relativize(LIB);
        assertThat(relative.isAbsolute()).isFalse();
        ModelCheckResult r = Specs.CHECKER.run(tick("Tick").addLibrary(relative).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void errorInALibraryModuleIsLocatedInItsFile() {
        ModelCheckResult r = Specs.CHECKER.run(ModelCheck.builder(MODELS.resolve("UsesFaulty.tla"))
                .config(MODELS.resolve("UsesFaulty.cfg")).addLibrary(LIB).build());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PARSE_ERROR);
        assertThat(r.message()).contains("Three");
        assertThat(Path.of(r.errorPosition().file())).isEqualTo(LIB.resolve("Faulty.tla"));
        assertThat(r.errorPosition().line()).isEqualTo(4);
    }

    @Test
    void missingLibraryDirectoryIsAConfigErrorNamingIt() {
        Path missing = Specs.DIR.resolve("library/no-such-dir");
        ModelCheckResult r = Specs.CHECKER.run(tick("Tick").addLibrary(LIB).addLibrary(missing).build());
        assertThat(r.outcome()).isEqualTo(Outcome.CONFIG_ERROR);
        assertThat(r.message()).contains("library directory not found").contains(missing.toString());
        assertThat(r.tlcExitCode()).isEqualTo(-1);
    }

    @Test
    void distributedServerFindsLibraryModules() {
        ModelCheck check = tick("Tick").addLibrary(LIB).distributed(1).timeout(Duration.ofMinutes(2)).build();
        ModelCheckResult r = null;
        // See DistributedTest: TLC 2.18's server now and then dies in its final report; allow two of those.
        for (int attempt = 0; attempt < 3; attempt++) {
            r = Specs.CHECKER.run(check);
            if (r.outcome() == Outcome.SUCCESS) {
                break;
            }
            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TLC_ERROR);
            assertThat(r.message()).contains("NullPointerException");
        }
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.SUCCESS);
        assertThat(r.stats().distinctStates()).isEqualTo(4);
    }

    @Test
    void simulationFindsLibraryModules() {
        ModelCheckResult r = Specs.CHECKER.run(tick("Tick").addLibrary(LIB).simulate(10, 5, 1L).build());
        // A simulation without a violation is incomplete; without the library it would be a parse error.
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.INCOMPLETE);
        assertThat(r.stats().generatedStates()).isPositive();
    }

    @Test
    void toBuilderKeepsTheLibraryPath() {
        ModelCheck c = tick("Tick").addLibrary(LIB).build();
        assertThat(c.toBuilder().build().libraryPath()).containsExactly(LIB);
        assertThat(c.toBuilder().libraryPath(List.of()).build().libraryPath()).isEmpty();
    }
}
