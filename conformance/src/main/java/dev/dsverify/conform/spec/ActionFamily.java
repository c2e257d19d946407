package dev.dsverify.conform.spec;

import tla2sany.semantic.ExprNode;
import tla2sany.semantic.FormalParamNode;
import tla2sany.semantic.SemanticNode;

import java.util.List;

/**
 * One disjunct of the spec's {@code Next}: an action applied to parameters bound by an existential, such as
 * {@code \E i, j \in Server : RequestVoteStep(i, j)}.
 *
 * @param name   the action's name: the applied operator without its {@code Step} suffix ({@code RequestVote})
 * @param params the bound parameters, in order ({@code i}, {@code j})
 * @param bounds the set each parameter ranges over, evaluated in the state the step starts from
 * @param body   the applied step, evaluated with the parameters bound
 */
public record ActionFamily(String name, List<FormalParamNode> params, List<ExprNode> bounds, SemanticNode body) {
    public ActionFamily {
        params = List.copyOf(params);
        bounds = List.copyOf(bounds);
        assert params.size() == bounds.size();
    }

    public List<String> paramNames() {
        return params.stream().map(p -> p.getName().toString()).toList();
    }
}
