package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.runner.TraceState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageFlowTest {

    @Test
    void detects_a_bag_of_messages_and_places_each_send_where_it_first_appears() {
        MessageFlow flow = MessageFlow.detect(Samples.raftViolation().trace(), null).orElseThrow();
        assertThat(flow.variable()).isEqualTo("messages");
        assertThat(flow.processes()).containsExactly("n1", "n2", "n3");
        assertThat(flow.messages()).extracting(MessageFlow.Message::state, MessageFlow.Message::from,
                        MessageFlow.Message::to, MessageFlow.Message::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "n1", "n2", "RequestVoteRequest"),
                        org.assertj.core.groups.Tuple.tuple(2, "n1", "n3", "RequestVoteRequest"),
                        org.assertj.core.groups.Tuple.tuple(3, "n2", "n1", "RequestVoteResponse"));
    }

    @Test
    void detects_a_set_of_messages_with_src_dst_fields() {
        MessageFlow flow = MessageFlow.detect(Samples.setNetworkTrace(), null).orElseThrow();
        assertThat(flow.variable()).isEqualTo("msgs");
        assertThat(flow.processes()).containsExactly("c", "p1", "p2");
        assertThat(flow.messages()).extracting(MessageFlow.Message::state).containsExactly(1, 1, 2);
        assertThat(flow.messages().get(2).label()).isEqualTo("vote");
    }

    @Test
    void a_hint_names_fields_detection_does_not_know_and_a_missing_receiver_means_broadcast() {
        var m1 = Samples.rec("type", Samples.str("2a"), "leader", Samples.mv("a1"));
        var m2 = Samples.rec("type", Samples.str("2b"), "leader", Samples.mv("a2"));
        List<TraceState> trace = List.of(
                Samples.state(1, null, Map.of("sent", Samples.set())),
                Samples.state(2, "Phase2a", Map.of("sent", Samples.set(m1))),
                Samples.state(3, "Phase2b", Map.of("sent", Samples.set(m1, m2))));
        assertThat(MessageFlow.detect(trace, null)).isEmpty();
        MessageFlow flow = MessageFlow.detect(trace, MessageHint.parse("sent:leader::type")).orElseThrow();
        assertThat(flow.messages()).hasSize(2);
        assertThat(flow.messages().get(0).to()).isNull();
        assertThat(flow.messages().get(1).label()).isEqualTo("2b");
    }

    @Test
    void a_coordinator_hint_fills_in_the_process_two_phase_commit_messages_leave_out() {
        var prepared1 = Samples.rec("type", Samples.str("Prepared"), "rm", Samples.str("r1"));
        var prepared2 = Samples.rec("type", Samples.str("Prepared"), "rm", Samples.str("r2"));
        var commit = Samples.rec("type", Samples.str("Commit"));
        List<TraceState> trace = List.of(
                Samples.state(1, null, Map.of("msgs", Samples.set())),
                Samples.state(2, "RMPrepare", Map.of("msgs", Samples.set(prepared1))),
                Samples.state(3, "RMPrepare", Map.of("msgs", Samples.set(prepared1, prepared2))),
                Samples.state(4, "TMCommit", Map.of("msgs", Samples.set(prepared1, prepared2, commit))));
        MessageFlow flow = MessageFlow.detect(trace, MessageHint.parse("msgs:rm::type:TM")).orElseThrow();
        assertThat(flow.processes()).containsExactly("TM", "r1", "r2");
        assertThat(flow.messages()).extracting(MessageFlow.Message::from, MessageFlow.Message::to,
                        MessageFlow.Message::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r1", "TM", "Prepared"),
                        org.assertj.core.groups.Tuple.tuple("r2", "TM", "Prepared"),
                        org.assertj.core.groups.Tuple.tuple("TM", null, "Commit"));
        // Drawn: the broadcast reaches both resource managers, dashed.
        String svg = SequenceDiagram.svg(flow, trace, null, false, "t");
        assertThat(HtmlReportTest.count(svg, "stroke-dasharray=\"4 3\"")).isEqualTo(2);
    }

    @Test
    void variables_that_are_not_networks_are_ignored() {
        List<TraceState> trace = List.of(
                Samples.state(1, null, Map.of("x", Samples.num(1), "cfg", Samples.rec("from", Samples.num(1)))),
                Samples.state(2, "A", Map.of("x", Samples.num(2), "cfg", Samples.rec("from", Samples.num(2)))));
        assertThat(MessageFlow.detect(trace, null)).isEmpty();
    }

    @Test
    void lifelines_sort_numbers_naturally() {
        var msg = Samples.rec("from", Samples.mv("s10"), "to", Samples.mv("s2"));
        var back = Samples.rec("from", Samples.mv("s2"), "to", Samples.mv("s1"));
        List<TraceState> trace = List.of(
                Samples.state(1, null, Map.of("net", Samples.set())),
                Samples.state(2, "Send", Map.of("net", Samples.set(msg, back))));
        assertThat(MessageFlow.detect(trace, null).orElseThrow().processes()).containsExactly("s1", "s2", "s10");
    }

    @Test
    void malformed_hints_are_rejected_with_the_expected_form() {
        assertThatThrownBy(() -> MessageHint.parse("msgs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variable:fromField:toField[:labelField[:coordinator]]");
    }
}
