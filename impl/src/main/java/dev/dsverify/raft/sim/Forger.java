package dev.dsverify.raft.sim;

import dev.dsverify.raft.core.Message;
import java.util.List;

/**
 * What the network forges next to a real message when {@link SimConfig#forgeRate()} draws it: {@link #MALFORMED}
 * in every run; other forgers are for tests of the simulator's reach (a forger of well-formed messages shows that
 * an accepted forgery fails the run).
 */
@FunctionalInterface
public interface Forger {
    /** The messages to deliver to {@code receiver} (whose current term is {@code receiverTerm}) before {@code real}. */
    List<Forgery> forge(Message real, String receiver, long receiverTerm, List<String> servers);

    /** Every malformation a server must refuse ({@link Forgeries}). */
    Forger MALFORMED = Forgeries::of;
}
