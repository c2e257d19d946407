package dev.dsverify.cli;

import dev.dsverify.runner.ModelCheckResult;
import dev.dsverify.runner.Stats;
import java.time.Duration;
import java.util.Locale;

/** Human-readable lines about a result. */
final class Summary {
    private Summary() {
    }

    static String headline(ModelCheckResult r) {
        StringBuilder sb = new StringBuilder(r.name()).append(": ").append(r.outcome().jsonName());
        if (r.violated() != null) {
            sb.append(" (").append(r.violated()).append(')');
        }
        return sb.toString();
    }

    static String stats(Stats s) {
        if (s.distinctStates() < 0 && s.generatedStates() < 0) {
            return "no states explored, " + duration(s.duration());
        }
        StringBuilder sb = new StringBuilder();
        if (s.distinctStates() >= 0) {
            sb.append(String.format(Locale.ROOT, "%,d distinct states", s.distinctStates()));
        }
        if (s.generatedStates() >= 0) {
            sb.append(sb.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%,d generated", s.generatedStates()));
        }
        if (s.depth() >= 0) {
            sb.append(", depth ").append(s.depth());
        }
        if (s.statesLeftOnQueue() > 0) {
            sb.append(String.format(Locale.ROOT, ", %,d left on queue", s.statesLeftOnQueue()));
        }
        sb.append(", ").append(duration(s.duration()));
        if (s.distinctStatesPerSecond() > 0 && s.distinctStates() >= 1000) {
            sb.append(String.format(Locale.ROOT, " (%,.0f distinct states/s)", s.distinctStatesPerSecond()));
        }
        return sb.toString();
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm%02ds", ms / 60_000, (ms / 1000) % 60);
    }
}
