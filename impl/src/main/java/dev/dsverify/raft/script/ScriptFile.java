package dev.dsverify.raft.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A transcript file in the datadriven layout: blocks of a command line, a {@code ----} line and the command's
 * expected output, which ends at the first blank line. Lines outside blocks are blank or comments ({@code #}).
 *
 * <pre>
 * # a leader is elected
 * campaign n1
 * ----
 * n1@1 Timeout state {currentTerm=1 role=Candidate votedFor=n1 votesGranted=[n1]}
 * </pre>
 *
 * @param name   how errors name the file (its path as given)
 * @param lines  the file's lines
 * @param blocks the command blocks in file order
 */
public record ScriptFile(String name, List<String> lines, List<Block> blocks) {
    public static final String SEPARATOR = "----";

    /**
     * One command and its expected output.
     *
     * @param line        1-based line of the command
     * @param text        the command line as written
     * @param firstOutput 0-based index in {@code lines} of the first output line
     * @param endOutput   0-based index just after the last output line
     */
    public record Block(int line, String text, int firstOutput, int endOutput, List<String> expected) {
        public Block {
            expected = List.copyOf(expected);
        }

        public Directive directive() {
            return Directive.parse(text);
        }
    }

    public ScriptFile {
        lines = List.copyOf(lines);
        blocks = List.copyOf(blocks);
    }

    public static ScriptFile read(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public static ScriptFile parse(String name, String text) {
        List<String> lines = List.of(text.split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) {
                i++;
                continue;
            }
            if (l.equals(SEPARATOR)) {
                throw new ScriptException(name, i + 1, "'" + SEPARATOR + "' without a command line before it");
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).equals(SEPARATOR)) {
                throw new ScriptException(name, i + 1, "command '" + l + "' must be followed by a line '"
                        + SEPARATOR + "' (then its expected output and a blank line)");
            }
            int first = i + 2;
            int end = first;
            while (end < lines.size() && !lines.get(end).isEmpty()) {
                end++;
            }
            blocks.add(new Block(i + 1, l.trim(), first, end, lines.subList(first, end)));
            i = end;
        }
        return new ScriptFile(name, lines, blocks);
    }

    /** The file's text with each block's output replaced by {@code outputs} (same order): what rewriting writes. */
    public String withOutputs(List<List<String>> outputs) {
        if (outputs.size() != blocks.size()) {
            throw new IllegalArgumentException(outputs.size() + " outputs for " + blocks.size() + " blocks");
        }
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            for (; next < block.firstOutput(); next++) {
                sb.append(lines.get(next)).append('\n');
            }
            for (String o : outputs.get(b)) {
                sb.append(o).append('\n');
            }
            next = block.endOutput();
            if (next >= lines.size()) {
                sb.append('\n'); // every block ends with a blank line, the last one too
            }
        }
        for (; next < lines.size(); next++) {
            sb.append(lines.get(next)).append('\n');
        }
        return sb.toString();
    }
}
