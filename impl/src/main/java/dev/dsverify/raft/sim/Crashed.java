package dev.dsverify.raft.sim;

/**
 * Thrown out of a server's step (or out of its disk) when an in-step crash strikes: it unwinds the step, so
 * nothing the step had not done yet happens. The simulator then crashes the server.
 */
final class Crashed extends RuntimeException {
    Crashed() {
        super(null, null, false, false);
    }
}
