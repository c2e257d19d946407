package dev.dsverify.trace.replay;

import tla2sany.semantic.SemanticNode;
import tla2sany.st.Location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The source text of a spec expression with its module and line, read from the directories the spec came from. */
public final class SourceText {
    private final List<Path> dirs;
    private final Map<String, List<String>> sources = new HashMap<>();

    public SourceText(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    /** {@code `text` (Module.tla line N)}. */
    public String of(SemanticNode n) {
        Location loc = n.getLocation();
        String module = loc.source();
        return "`" + text(n) + "` (" + module + ".tla line " + loc.beginLine() + ")";
    }

    /** The expression's text alone, on one line. */
    public String text(SemanticNode n) {
        Location loc = n.getLocation();
        List<String> lines = sources.computeIfAbsent(loc.source(), this::read);
        int bl = loc.beginLine();
        int el = loc.endLine();
        if (bl < 1 || el > lines.size()) {
            return n.toString();
        }
        StringBuilder sb = new StringBuilder();
        for (int k = bl; k <= el; k++) {
            String ln = lines.get(k - 1);
            int from = k == bl ? Math.min(loc.beginColumn() - 1, ln.length()) : 0;
            int to = k == el ? Math.min(loc.endColumn(), ln.length()) : ln.length();
            sb.append(k == bl ? "" : " ").append(ln.substring(Math.max(0, from), Math.max(from, to)).trim());
        }
        return sb.toString();
    }

    private List<String> read(String module) {
        for (Path d : dirs) {
            Path p = d.resolve(module + ".tla");
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readAllLines(p);
                } catch (IOException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }
}
