package dev.dsverify.raft.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code meta} file of a storage directory: which server owns it, the format, and the {@link DurableMark}.
 * Lines of {@code key=value}:
 *
 * <pre>
 * format=1
 * node=n1
 * wal-bytes=3903          (the mark; absent when there is none)
 * wal-last-index=40
 * wal-term=3
 * </pre>
 *
 * Always replaced whole through {@link AtomicFile}, so it is either the old or the new content.
 */
public record MetaFile(int format, String node, DurableMark mark) {
    public static final int FORMAT = 1;
    private static final java.util.Set<String> FIELDS = java.util.Set.of("format", "node", "wal-bytes", "wal-last-index",
            "wal-term");

    public byte[] encode() {
        StringBuilder b = new StringBuilder("format=" + format + "\nnode=" + node + "\n");
        if (!mark.isNone()) {
            b.append("wal-bytes=").append(mark.walBytes()).append('\n')
                    .append("wal-last-index=").append(mark.lastIndex()).append('\n')
                    .append("wal-term=").append(mark.term()).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public void writeTo(Path file) throws IOException {
        AtomicFile.write(file, encode());
    }

    /** Replaces {@code name} in {@code dir} by this content ({@link AtomicFile}). */
    public void writeTo(Directory dir, String name) throws IOException {
        AtomicFile.write(dir, name, encode());
    }

    /** Parses {@code content} read from {@code file}; errors name the file, the line and the field. */
    public static MetaFile parse(String content, Path file) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new StorageException(file + ":" + (i + 1) + ": expected key=value, got '" + line + "'");
            }
            String key = line.substring(0, eq);
            if (!FIELDS.contains(key)) {
                throw new StorageException(file + ":" + (i + 1) + ": unknown field '" + key + "'");
            }
            if (fields.put(key, line.substring(eq + 1)) != null) {
                throw new StorageException(file + ":" + (i + 1) + ": field '" + key + "' appears twice");
            }
            lineOf.put(key, i + 1);
        }
        String node = fields.get("node");
        if (node == null || !fields.containsKey("format")) {
            throw new StorageException(file + ": missing field '" + (node == null ? "node" : "format") + "'");
        }
        int format = (int) number(fields, lineOf, "format", file);
        DurableMark mark = DurableMark.NONE;
        if (fields.containsKey("wal-bytes")) {
            mark = new DurableMark(number(fields, lineOf, "wal-bytes", file), number(fields, lineOf, "wal-last-index", file),
                    number(fields, lineOf, "wal-term", file));
        }
        return new MetaFile(format, node, mark);
    }

    private static long number(Map<String, String> fields, Map<String, Integer> lineOf, String key, Path file) {
        String v = fields.get(key);
        if (v == null) {
            throw new StorageException(file + ": missing field '" + key + "'");
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new StorageException(file + ":" + lineOf.get(key) + ": field '" + key + "' holds '" + v
                    + "', not a non-negative number");
        }
    }
}
