package dev.dsverify.runner.tlc;

import dev.dsverify.runner.TlcMessage;
import dev.dsverify.runner.TlcWarning;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tlc2.output.MP;

/**
 * Collects the warnings of one TLC run. TLC frames its own warnings as messages of severity
 * {@link MP#WARNING}; SANY prints its warnings unframed, between messages 2220 and 2219, in two shapes: a
 * semantic-warning block ({@code *** Warnings: N}, then a location and a text for each) and single
 * {@code !! WARNING:} lines (the PlusCal translation checks).
 */
public final class TlcWarnings {
    private static final String SANY_LINE_WARNING = "!! WARNING: ";
    private static final Pattern SANY_BLOCK = Pattern.compile("^\\*\\*\\* Warnings: \\d+");
    private static final Pattern SANY_BLOCK_END = Pattern.compile(
            "^(Parsing file|Semantic processing|Semantic errors|\\*\\*\\* |Linting of module|Fatal errors)");
    private static final Pattern LOCATION = Pattern.compile("^line \\d+, col \\d+ to line \\d+, col \\d+ of module \\w+$");

    /**
     * SANY's words when a PlusCal algorithm and its translation disagree (pcal.Validator's checksums in the
     * {@code \* BEGIN TRANSLATION} line). Three wordings: the algorithm changed, the translation was edited,
     * or both.
     */
    private static final Pattern STALE = Pattern.compile(
            "^!! WARNING: The (PlusCal algorithm|TLA\\+ translation|PlusCal algorithm and its TLA\\+ translation)"
                    + " in module (\\w+) .*last translation\\.?$");

    /** A stale translation, as SANY reported it. */
    public record StaleTranslation(String module, String what, String text) {
    }

    private TlcWarnings() {
    }

    /** Every warning, in the order printed (SANY's before TLC's, as SANY runs first), each once. */
    public static List<TlcWarning> collect(List<TlcMessage> messages, List<String> sanyLines) {
        Set<TlcWarning> out = new LinkedHashSet<>(sany(sanyLines));
        for (TlcMessage m : messages) {
            if (m.severity() == MP.WARNING && !m.text().isBlank()) {
                out.add(new TlcWarning(m.code(), m.text().strip()));
            }
        }
        return List.copyOf(out);
    }

    /** The first stale-translation warning SANY printed, or null. */
    public static StaleTranslation staleTranslation(List<String> sanyLines) {
        for (String line : sanyLines) {
            Matcher m = STALE.matcher(line.strip());
            if (m.matches()) {
                return new StaleTranslation(m.group(2), m.group(1), line.strip().substring(SANY_LINE_WARNING.length()));
            }
        }
        return null;
    }

    static List<TlcWarning> sany(List<String> lines) {
        List<TlcWarning> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(SANY_LINE_WARNING)) {
                out.add(new TlcWarning(null, line.substring(SANY_LINE_WARNING.length()).strip()));
            } else if (SANY_BLOCK.matcher(line).find()) {
                int j = i + 1;
                List<String> paragraph = new ArrayList<>();
                String location = null;
                for (; j < lines.size() && !SANY_BLOCK_END.matcher(lines.get(j).strip()).find(); j++) {
                    String l = lines.get(j).strip();
                    if (!l.isEmpty()) {
                        paragraph.add(l);
                        continue;
                    }
                    if (paragraph.isEmpty()) {
                        continue;
                    }
                    // A warning is a location paragraph followed by a text paragraph.
                    String text = String.join("\n", paragraph);
                    paragraph.clear();
                    if (location == null && LOCATION.matcher(text).matches()) {
                        location = text;
                    } else {
                        out.add(new TlcWarning(null, location == null ? text : text + "\n(at " + location + ")"));
                        location = null;
                    }
                }
                if (!paragraph.isEmpty()) {
                    String text = String.join("\n", paragraph);
                    out.add(new TlcWarning(null, location == null ? text : text + "\n(at " + location + ")"));
                }
                i = j - 1;
            }
        }
        return out;
    }
}
