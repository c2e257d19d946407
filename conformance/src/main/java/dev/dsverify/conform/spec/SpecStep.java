package dev.dsverify.conform.spec;

import tlc2.tool.TLCState;
import tlc2.value.impl.Value;

import java.util.List;

/**
 * A step of the spec: the action that took it with its parameters, and the state it leads to.
 *
 * @param action the action's name ({@code HandleRequestVoteRequest})
 * @param params the parameter names ({@code m})
 * @param args   the parameter values, in the order of {@code params}
 * @param next   the state after the step
 */
public record SpecStep(String action, List<String> params, List<Value> args, TLCState next) {
    public SpecStep {
        params = List.copyOf(params);
        args = List.copyOf(args);
    }

    /** The value of parameter {@code name}. */
    public Value arg(String name) {
        int k = params.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException(action + " has no parameter " + name + " (it has " + params + ")");
        }
        return args.get(k);
    }

    public boolean has(String name) {
        return params.contains(name);
    }

    /** {@code RequestVote(s1, s2)}; a message parameter as its type, sender, receiver and term. */
    public String label() {
        StringBuilder sb = new StringBuilder(action).append('(');
        for (int k = 0; k < args.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(Messages.brief(args.get(k)));
        }
        return sb.append(')').toString();
    }
}
