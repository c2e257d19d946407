package dev.dsverify.runner.value;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the first syntax error into a {@link ValueParseException} that says, in TLC's terms, what was found,
 * what would have been valid there, and which bracket is still open.
 */
final class SyntaxErrorReporter extends BaseErrorListener {
    private final String text;

    SyntaxErrorReporter(String text) {
        this.text = text;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        Token bad = (Token) offendingSymbol;
        StringBuilder reason = new StringBuilder(describe(bad));
        if (bad.getType() != TlaValueLexer.UNTERMINATED_STRING && recognizer instanceof Parser parser) {
            String expected = expected(parser, e);
            if (!expected.isEmpty()) {
                reason.append("; expected ").append(expected);
            }
            Token open = unclosedBracket(parser.getInputStream(), bad.getTokenIndex());
            if (open != null && isClosingOrEnd(bad)) {
                reason.append("; '").append(open.getText()).append("' opened at line ").append(open.getLine())
                        .append(", column ").append(open.getCharPositionInLine() + 1).append(" is not closed");
            }
        }
        throw ValueParseException.at(text, line, charPositionInLine + 1, reason.toString());
    }

    private static String describe(Token t) {
        return switch (t.getType()) {
            case Token.EOF -> "unexpected end of input";
            case TlaValueLexer.UNTERMINATED_STRING -> "unterminated string";
            case TlaValueLexer.UNEXPECTED_CHAR -> "unexpected character '" + t.getText() + "'";
            case TlaValueLexer.INT -> "unexpected integer " + t.getText();
            case TlaValueLexer.STRING -> "unexpected string " + abbreviate(t.getText());
            case TlaValueLexer.IDENT -> "unexpected name " + abbreviate(t.getText());
            default -> "unexpected '" + t.getText() + "'";
        };
    }

    private static String expected(Parser parser, RecognitionException e) {
        IntervalSet set = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens()
                : parser.getExpectedTokens();
        List<String> names = set.toList().stream().map(SyntaxErrorReporter::tokenName).distinct()
                .collect(Collectors.toList());
        if (names.isEmpty() || names.size() > 8) {
            return names.isEmpty() ? "" : "a value";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return "one of " + String.join(", ", names);
    }

    private static String tokenName(int type) {
        return switch (type) {
            case Token.EOF -> "end of input";
            case TlaValueLexer.INT -> "an integer";
            case TlaValueLexer.IDENT -> "a name";
            case TlaValueLexer.STRING -> "a string";
            default -> {
                String literal = TlaValueLexer.VOCABULARY.getLiteralName(type);
                yield literal != null ? literal : TlaValueLexer.VOCABULARY.getDisplayName(type);
            }
        };
    }

    private static boolean isClosingOrEnd(Token t) {
        return switch (t.getType()) {
            case Token.EOF, TlaValueLexer.RTUPLE, TlaValueLexer.RBRACE, TlaValueLexer.RBRACK, TlaValueLexer.RPAREN,
                    TlaValueLexer.CONJ -> true;
            default -> false;
        };
    }

    /** The innermost bracket opened before token {@code upTo} and not closed by then. */
    private static Token unclosedBracket(TokenStream tokens, int upTo) {
        Deque<Token> open = new ArrayDeque<>();
        for (int i = 0; i < upTo && i < tokens.size(); i++) {
            Token t = tokens.get(i);
            switch (t.getType()) {
                case TlaValueLexer.LTUPLE, TlaValueLexer.LBRACE, TlaValueLexer.LBRACK, TlaValueLexer.LPAREN ->
                        open.push(t);
                case TlaValueLexer.RTUPLE, TlaValueLexer.RBRACE, TlaValueLexer.RBRACK, TlaValueLexer.RPAREN -> {
                    if (!open.isEmpty()) {
                        open.pop();
                    }
                }
                default -> {
                }
            }
        }
        return open.peek();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
