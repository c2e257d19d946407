package dev.dsverify.trace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandWrittenTraceTest {
    @Test
    void electionAndCommitMatch() throws Exception {
        TraceResult r = TraceValidator.validate(Specs.raft(), Specs.trace("election.ndjson"));
        assertThat(r.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(r.events()).isEqualTo(13);
        assertThat(r.coverage()).containsEntry("BecomeLeader", 1L).containsEntry("RequestVote", 2L)
                .containsEntry("Restart", 0L);
    }
}
