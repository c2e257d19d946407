package dev.dsverify.raft.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command line of a script: a name, positional arguments and {@code key=value} options, e.g.
 * {@code cluster n1 n2 n3 seed=1} has name {@code cluster}, arguments {@code n1 n2 n3} and option seed.
 */
public record Directive(String name, List<String> args, Map<String, String> options) {
    public Directive {
        args = List.copyOf(args);
        options = Map.copyOf(options);
    }

    /** Splits {@code text} on blanks; a word with '=' (not at its start) is an option. */
    public static Directive parse(String text) {
        String[] words = text.trim().split("\\s+");
        List<String> args = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                options.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            } else {
                args.add(words[i]);
            }
        }
        return new Directive(words[0], args, options);
    }
}
