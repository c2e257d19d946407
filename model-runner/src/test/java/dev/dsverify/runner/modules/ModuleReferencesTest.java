package dev.dsverify.runner.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleReferencesTest {
    private static final Path FILE = Path.of("M.tla");

    private static List<String> names(String text) {
        return ModuleReferences.in(FILE, text).stream()
                .map(r -> r.keyword() + " " + r.module() + " " + r.line() + ":" + r.column()).toList();
    }

    @Test
    void extendsListOverSeveralLinesGivesEachNameItsOwnLine() {
        assertThat(names("---- MODULE M ----\nEXTENDS Naturals,\n   Sequences ,TLAPS\n===="))
                .containsExactly("EXTENDS Naturals 2:9", "EXTENDS Sequences 3:4", "EXTENDS TLAPS 3:15");
    }

    @Test
    void instancesAnywhereAreFound() {
        assertThat(names("---- MODULE M ----\nA == INSTANCE Foo WITH x <- 1\nLOCAL INSTANCE Bar\n===="))
                .containsExactly("INSTANCE Foo 2:15", "INSTANCE Bar 3:16");
    }

    @Test
    void commentsAndStringsDoNotCount() {
        String text = "---- MODULE M ----\n(* EXTENDS A (* nested INSTANCE B *) EXTENDS C *)\n"
                + "\\* EXTENDS D\nS == \"EXTENDS E\"\nEXTENDS F\n====";
        assertThat(names(text)).containsExactly("EXTENDS F 5:9");
    }

    @Test
    void blankingKeepsLineAndColumnPositions() {
        String text = "a (* b\n c *) d \\* e\n\"f\" g";
        String blank = ModuleReferences.blankComments(text);
        assertThat(blank).hasSameSizeAs(text);
        assertThat(blank.split("\n", -1)).containsExactly("a     ", "      d     ", "    g");
    }
}
