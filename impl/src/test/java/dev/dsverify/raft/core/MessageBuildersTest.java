package dev.dsverify.raft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageBuildersTest {

    @Test
    void anAppendEntriesRequestBuiltByNameEqualsThePositionalOne() {
        AppendEntriesRequest named = AppendEntriesRequest.builder().from("n1").to("n2").term(3).clock(16)
                .prevLog(4, 2).entries(Entry.of(3, "x")).commitIndex(4).round(9).build();
        assertThat(named).isEqualTo(new AppendEntriesRequest("n1", "n2", 3, 16, 4, 2, List.of(Entry.of(3, "x")), 4, 9));
        AppendEntriesRequest heartbeat = AppendEntriesRequest.builder().from("n1").to("n2").term(1).build();
        assertThat(heartbeat).isEqualTo(new AppendEntriesRequest("n1", "n2", 1, 0, 0, 0, List.of(), 0, 0));
    }

    @Test
    void anAppendEntriesResponseBuiltByNameEqualsThePositionalOne() {
        AppendEntriesResponse named = AppendEntriesResponse.builder().from("n2").to("n1").term(3).clock(17)
                .success(true).matchIndex(5).round(9).build();
        assertThat(named).isEqualTo(new AppendEntriesResponse("n2", "n1", 3, 17, true, 5, 9));
    }

    @Test
    void aRequestVoteRequestBuiltByNameEqualsThePositionalOne() {
        assertThat(RequestVoteRequest.builder().from("n3").to("n2").term(5).clock(4).lastLogTerm(2).lastLogIndex(1)
                .build()).isEqualTo(new RequestVoteRequest("n3", "n2", 5, 4, 2, 1));
    }

    @Test
    void sendersAndReceiversAreRequired() {
        assertThatThrownBy(() -> AppendEntriesRequest.builder().to("n2").build()).hasMessageContaining("from");
        assertThatThrownBy(() -> AppendEntriesResponse.builder().from("n2").build()).hasMessageContaining("to");
        assertThatThrownBy(() -> RequestVoteRequest.builder().from("n2").build()).hasMessageContaining("to");
    }
}
