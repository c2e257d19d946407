package dev.dsverify.runner.fork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.rmi.server.RMISocketFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Main class of the forked TLC JVM: {@code TlcMain <tlc main class> <args...>}. Installs a socket factory
 * that keeps RMI on 127.0.0.1, then hands over to TLC, which calls System.exit itself.
 *
 * <p>With {@code -D}{@value #EXIT_WITH_PARENT}{@code =DIR} the JVM also ends when its stdin reaches end of
 * file, deleting DIR first. The parent holds the write end of that pipe and never writes to it; the
 * operating system closes it when the parent dies, however it dies (SIGKILL included), so an orphaned TLC
 * never goes on using the CPU and filling DIR. A blocked read costs nothing while the parent lives.
 */
public final class TlcMain {
    /** System property naming the run's directory: exit and delete it when stdin closes. */
    public static final String EXIT_WITH_PARENT = "dsverify.exitWithParent";
    /** Exit status of a TLC JVM whose parent went away (nobody reads it; 128 + SIGHUP, as for a lost terminal). */
    static final int ORPHANED = 129;

    /** The TLC entry points a check may start. */
    static final Set<String> ENTRY_POINTS = Set.of("tlc2.TLC", "tlc2.tool.distributed.TLCServer",
            "tlc2.tool.distributed.TLCWorker");

    private TlcMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !ENTRY_POINTS.contains(args[0])) {
            System.err.println("usage: TlcMain " + String.join("|", ENTRY_POINTS) + " <arguments>");
            System.exit(2);
        }
        String runDir = System.getProperty(EXIT_WITH_PARENT);
        if (runDir != null && !runDir.isEmpty()) {
            watchParent(Path.of(runDir));
        }
        // RMI stubs carry this host name; clients of the distributed server must dial loopback too.
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        RMISocketFactory.setSocketFactory(new LoopbackSocketFactory());
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
        }
    }

    private static void watchParent(Path runDir) {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // The parent never writes; anything read is ignored.
                }
            } catch (IOException e) {
                // A broken pipe means the same as end of file: the parent is gone.
            }
            deleteRecursively(runDir);
            // halt, not exit: TLC's shutdown hooks would write into the directory just deleted.
            Runtime.getRuntime().halt(ORPHANED);
        }, "dsverify-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the JVM ends anyway.
        }
    }
}
