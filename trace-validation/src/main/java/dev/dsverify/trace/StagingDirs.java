package dev.dsverify.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The temporary directories replay stages specs in. Each records the process that made it (a file
 * {@value #OWNER}); a JVM deletes its own at exit. A JVM killed outright (SIGKILL, a test runner's time-out)
 * runs no exit hook, so the first directory a JVM stages also sweeps away those whose owner is no longer
 * running: none outlives the next run.
 */
public final class StagingDirs {
    static final String OWNER = ".dsverify-owner-pid";
    /** The prefixes of the directories replay makes; only these are ever swept. */
    static final List<String> PREFIXES = List.of("dsverify-trace-", "dsverify-tracespec-", "dsverify-raft-",
            "dsverify-tla-stdlib-");
    /** A directory without an owner file (made by an older version) is swept only once this old. */
    private static final Duration UNOWNED_AGE = Duration.ofDays(1);

    private static final List<Path> MINE = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MINE.forEach(StagingDirs::deleteTree),
                "dsverify-staging-cleanup"));
    }

    private StagingDirs() {
    }

    /** A new directory in the temporary directory, named with {@code prefix} (one of {@link #PREFIXES}). */
    public static Path create(String prefix) throws IOException {
        assert PREFIXES.contains(prefix) : prefix;
        if (SWEPT.compareAndSet(false, true)) {
            sweepOrphans(Path.of(System.getProperty("java.io.tmpdir")));
        }
        Path dir = Files.createTempDirectory(prefix);
        MINE.add(dir);
        Files.writeString(dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
        return dir;
    }

    /** Deletes {@code dir}, one this JVM made, now rather than at exit. */
    static void delete(Path dir) {
        deleteTree(dir);
        MINE.remove(dir);
    }

    /** Deletes the staging directories in {@code tmp} whose owner process has ended; how many. */
    static int sweepOrphans(Path tmp) {
        int swept = 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tmp,
                p -> PREFIXES.stream().anyMatch(pre -> p.getFileName().toString().startsWith(pre)))) {
            for (Path dir : all) {
                if (Files.isDirectory(dir) && orphaned(dir)) {
                    deleteTree(dir);
                    swept++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an unreadable temporary directory: nothing to sweep
        }
        return swept;
    }

    private static boolean orphaned(Path dir) throws IOException {
        Path owner = dir.resolve(OWNER);
        if (!Files.exists(owner)) {
            FileTime modified = Files.getLastModifiedTime(dir);
            return modified.toInstant().isBefore(Instant.now().minus(UNOWNED_AGE));
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(owner).trim());
        } catch (NumberFormatException e) {
            return false; // not one of ours after all
        }
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ph -> !ph.isAlive()).orElse(true);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // gone already, or not ours to delete: the next sweep tries again
        }
    }
}
