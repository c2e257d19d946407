package dev.dsverify.runner.value;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Bad input names what is wrong and where, never a raw ANTLR message or a stack overflow. */
class ValueParseErrorTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> parsing(String text) {
        return assertThatThrownBy(() -> TlaValues.parse(text)).isInstanceOf(ValueParseException.class);
    }

    private static void failsAt(String text, int line, int column, String reasonPart) {
        parsing(text)
                .hasMessageStartingWith("line " + line + ", column " + column + ": ")
                .hasMessageContaining(reasonPart)
                .satisfies(e -> {
                    ValueParseException p = (ValueParseException) e;
                    org.assertj.core.api.Assertions.assertThat(p.line()).isEqualTo(line);
                    org.assertj.core.api.Assertions.assertThat(p.column()).isEqualTo(column);
                    org.assertj.core.api.Assertions.assertThat(p.reason()).contains(reasonPart);
                });
    }

    @Test
    void unterminatedString() {
        failsAt("<<1, \"abc", 1, 6, "unterminated string");
        failsAt("<<1,\n  \"ab\\\"c>>\n", 2, 3, "unterminated string");
        failsAt("\"abc\\", 1, 1, "unterminated string");
    }

    @Test
    void unbalancedBrackets() {
        failsAt("<<1, 2", 1, 7, "unexpected end of input");
        parsing("<<1, 2").hasMessageContaining("'<<' opened at line 1, column 1 is not closed");
        failsAt("<<1, 2}", 1, 7, "unexpected '}'");
        failsAt("{1, <<2, 3}", 1, 11, "'<<' opened at line 1, column 5 is not closed");
        failsAt("[a |-> 1", 1, 9, "'[' opened at line 1, column 1 is not closed");
        failsAt("(a :> 1", 1, 8, "'(' opened at line 1, column 1 is not closed");
        failsAt("<<1>>>>", 1, 6, "unexpected '>>'");
        failsAt("{1}}", 1, 4, "unexpected '}'");
    }

    @Test
    void missingOrStraySeparators() {
        failsAt("{1 2}", 1, 4, "unexpected integer 2");
        failsAt("<<1,, 2>>", 1, 5, "unexpected ','");
        failsAt("[a 1]", 1, 4, "expected '|->'");
        failsAt("(a :> 1, b :> 2)", 1, 8, "unexpected ','");
        failsAt("(a)", 1, 3, "expected ':>'");
    }

    @Test
    void notAValue() {
        failsAt("", 1, 1, "unexpected end of input");
        failsAt("   ", 1, 4, "unexpected end of input");
        failsAt("1 $", 1, 3, "unexpected character '$'");
        failsAt("1 + 2", 1, 3, "unexpected character '+'");
        failsAt("[]", 1, 2, "unexpected ']'");
        failsAt("[1 |-> 2]", 1, 2, "unexpected integer 1");
        failsAt("1..x", 1, 4, "unexpected name x");
    }

    @Test
    void semanticErrorsPointAtTheirToken() {
        failsAt("\"ok\\q\"", 1, 4, "unknown escape \\q");
        failsAt("[a |-> 1,\n b |-> 2,\n a |-> 3]", 3, 2, "field a appears twice");
        failsAt("(n1 :> 1 @@ n2 :> 2 @@ n1 :> 3)", 1, 24, "key n1 appears twice");
        failsAt("1..4294967296", 1, 1, "more than 2147483647 elements");
        failsAt("[a |-> 1, WF_x |-> 2]", 1, 11, "field name WF_x cannot appear in a record");
        failsAt("{SF_next}", 1, 2, "SF_next is not a model value name");
    }

    @Test
    void assignmentErrors() {
        assertThatThrownBy(() -> TlaValues.parseAssignments("/\\ x = 1\n/\\ x = 2"))
                .isInstanceOf(ValueParseException.class).hasMessageStartingWith("line 2, column 4: variable x");
        assertThatThrownBy(() -> TlaValues.parseAssignments("/\\ x = 1\n/\\ y <<1>>"))
                .isInstanceOf(ValueParseException.class).hasMessageStartingWith("line 2, column 6: ")
                .hasMessageContaining("expected '='");
        assertThatThrownBy(() -> TlaValues.parseAssignments("/\\ x = 1\n/\\ y = \"open\n"))
                .isInstanceOf(ValueParseException.class)
                .hasMessageStartingWith("line 2, column 8: unterminated string");
        assertThatThrownBy(() -> TlaValues.parseAssignments("x = 1\ny = 2"))
                .isInstanceOf(ValueParseException.class).hasMessageStartingWith("line 2, column 1: ");
    }

    @Test
    void theMessageQuotesTheLineWithACaret() {
        parsing("<<1,\n  {2 3}>>").hasMessage(String.join(System.lineSeparator(),
                "line 2, column 6: unexpected integer 3; expected one of '}', ','",
                "    {2 3}>>",
                "       ^"));
    }

    @Test
    void windowsLineEndingsCountAsOneLineBreak() {
        parsing("<<1,\r\n  {2 3}>>").hasMessage(String.join(System.lineSeparator(),
                "line 2, column 6: unexpected integer 3; expected one of '}', ','",
                "    {2 3}>>",
                "       ^"));
    }

    @Test
    void longLinesAreQuotedAroundTheColumnOnly() {
        String text = "{" + "1, ".repeat(10_000) + "x x}";
        parsing(text).satisfies(e -> {
            ValueParseException p = (ValueParseException) e;
            org.assertj.core.api.Assertions.assertThat(p.column()).isEqualTo(30_004);
            org.assertj.core.api.Assertions.assertThat(p.snippet().length()).isLessThan(200);
            org.assertj.core.api.Assertions.assertThat(p.snippet()).contains("1, x x}");
        });
    }
}
