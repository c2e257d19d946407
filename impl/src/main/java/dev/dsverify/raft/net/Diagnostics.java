package dev.dsverify.raft.net;

/** Where network code reports what it drops or refuses (one line each); the node process prints to stderr. */
@FunctionalInterface
public interface Diagnostics {
    void report(String line);

    Diagnostics STDERR = line -> System.err.println(line);
    Diagnostics QUIET = line -> {};
}
