package dev.dsverify.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the goal's configuration into the list of runs to replay: every file of {@code traces} (and every
 * {@code *.ndjson} of a directory given there) is a run of its own; every {@code <run>} is one run whose files
 * are merged. Run names are unique, since each names its JSON result file.
 */
final class ReplayPlanner {
    /** A run to replay: its name and its files (absolute), in the order given. */
    record PlannedRun(String name, List<Path> files) {
    }

    /** The configuration cannot be followed; the message says what to fix. */
    static final class ConfigurationError extends Exception {
        ConfigurationError(String message) {
            super(message);
        }
    }

    private final Path basedir;

    ReplayPlanner(Path basedir) {
        this.basedir = basedir;
    }

    List<PlannedRun> plan(List<File> traces, List<ReplayRun> runs) throws ConfigurationError {
        List<PlannedRun> planned = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        if (traces != null) {
            for (File t : traces) {
                Path p = resolve(t);
                if (Files.isDirectory(p)) {
                    List<Path> found = ndjsonIn(p);
                    if (found.isEmpty()) {
                        throw new ConfigurationError("no *.ndjson files in " + p);
                    }
                    for (Path f : found) {
                        planned.add(new PlannedRun(unique(stem(f), seen), List.of(f)));
                    }
                } else if (Files.isRegularFile(p)) {
                    planned.add(new PlannedRun(unique(stem(p), seen), List.of(p)));
                } else {
                    throw new ConfigurationError("trace " + p + ": no such file or directory");
                }
            }
        }
        if (runs != null) {
            int index = 0;
            for (ReplayRun r : runs) {
                index++;
                List<Path> files = new ArrayList<>();
                if (r.files != null) {
                    for (File f : r.files) {
                        Path p = resolve(f);
                        if (!Files.isRegularFile(p)) {
                            throw new ConfigurationError("run " + label(r, index) + ": " + p + ": no such file");
                        }
                        files.add(p);
                    }
                }
                Path dir = null;
                if (r.directory != null) {
                    dir = resolve(r.directory);
                    if (!Files.isDirectory(dir)) {
                        throw new ConfigurationError("run " + label(r, index) + ": " + dir + ": not a directory");
                    }
                    files.addAll(ndjsonIn(dir));
                }
                if (files.isEmpty()) {
                    throw new ConfigurationError("run " + label(r, index) + " has no trace files: give <files> or a "
                            + "<directory> holding *.ndjson");
                }
                String name = r.name != null && !r.name.isBlank() ? r.name.strip()
                        : dir != null ? dir.getFileName().toString() : stem(files.get(0));
                planned.add(new PlannedRun(unique(name, seen), List.copyOf(files)));
            }
        }
        return planned;
    }

    /** A name safe as a file name, numbered when another run already has it. */
    private static String unique(String name, Map<String, Integer> seen) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        int n = seen.merge(safe, 1, Integer::sum);
        return n == 1 ? safe : safe + "-" + n;
    }

    private static String label(ReplayRun r, int index) {
        return r.name != null && !r.name.isBlank() ? "'" + r.name + "'" : "#" + index;
    }

    private static String stem(Path f) {
        return f.getFileName().toString().replaceFirst("\\.ndjson$", "");
    }

    private Path resolve(File f) {
        Path p = f.toPath();
        return (p.isAbsolute() ? p : basedir.resolve(p)).normalize();
    }

    private static List<Path> ndjsonIn(Path dir) throws ConfigurationError {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ndjson") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ConfigurationError("cannot list " + dir + ": " + e.getMessage());
        }
    }

    /**
     * The Raft spec of the source tree the project lives in: {@code specs/raft/Raft.tla} in {@code start} or the
     * nearest parent that has one, or null.
     */
    static Path findSpec(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("specs/raft/Raft.tla");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
