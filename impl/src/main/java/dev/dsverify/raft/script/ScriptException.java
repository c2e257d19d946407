package dev.dsverify.raft.script;

/** A script that cannot be run as written: the message names the file and line. */
public final class ScriptException extends RuntimeException {
    public ScriptException(String where, int line, String message) {
        super(where + ":" + line + ": " + message);
    }
}
