package dev.dsverify.runner.modules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The TLA+ modules that come with the runner and sit on TLC's library path of every check: the proof pragmas of
 * {@code TLAPS} and the community modules that public specs use most, with bodies written from their documented
 * meaning. They are searched last, after the spec's own directory and the user's library directories, so a
 * user's module of the same name wins.
 */
public final class ShippedModules {

    /** The module names, each held as the resource {@code <name>.tla} beside this class. */
    public static final List<String> NAMES =
            List.of("TLAPS", "Folds", "Functions", "FiniteSetsExt", "SequencesExt", "BagsExt", "TLCExt");

    private ShippedModules() {
    }

    /**
     * Writes every shipped module into {@code dir} (created if needed) and returns it, to be put at the end of
     * TLC's library path. The directory belongs to one run and goes away with the run's temporary directory.
     */
    public static Path extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : NAMES) {
            try (InputStream in = ShippedModules.class.getResourceAsStream(name + ".tla")) {
                if (in == null) {
                    throw new IOException("the runner's jar lacks the module " + name);
                }
                Files.copy(in, dir.resolve(name + ".tla"));
            }
        }
        return dir;
    }
}
