package dev.dsverify.trace;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceResultBuilderTest {

    @Test
    void aTraceResultBuiltByNameEqualsTheCanonicalOne() {
        TraceResult named = TraceResult.builder().verdict(Verdict.DIVERGENCE).files(List.of("a", "b")).events(13)
                .matchedEvents(4).firstUnmatchedLine(7).file("b").mergedIndex(5).event("{}").reasons(List.of("r"))
                .statesBefore(List.of("s")).elapsed(Duration.ofMillis(3)).statesExplored(9)
                .coverage(Map.of("Timeout", 1L)).build();
        assertThat(named).isEqualTo(new TraceResult(Verdict.DIVERGENCE, List.of("a", "b"), 13, 4, 7, "b", 5, "{}",
                List.of("r"), List.of("s"), Duration.ofMillis(3), 9, Map.of("Timeout", 1L)));
        assertThat(TraceResult.builder().verdict(Verdict.MATCH).build()).isEqualTo(new TraceResult(Verdict.MATCH,
                List.of(), 0, 0, null, null, null, null, List.of(), List.of(), Duration.ZERO, 0, Map.of()));
        assertThatThrownBy(() -> TraceResult.builder().build()).hasMessageContaining("verdict");
    }
}
