package dev.dsverify.cli;

import java.io.PrintWriter;

/**
 * The one form every command prints an error in: {@code dsverify: error: <what went wrong>} on stderr, a
 * single line a script can grep for, whichever command failed.
 */
final class ErrorLine {
    static final String PREFIX = "dsverify: error: ";

    private ErrorLine() {
    }

    static String of(String message) {
        return PREFIX + message;
    }

    static void print(PrintWriter err, String message) {
        err.println(of(message));
        err.flush();
    }
}
