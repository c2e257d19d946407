package dev.dsverify.trace;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The library carries the Raft spec it validates against, so the command's jar works outside the source tree. */
class BundledSpecTest {
    @Test
    void theBundledSpecIsTheTreesAndValidatesATrace() throws Exception {
        var bundled = TraceValidator.bundledSpec();
        assertThat(bundled.getParent()).isNotEqualTo(Specs.raft().getParent());
        assertThat(Files.readString(bundled)).isEqualTo(Files.readString(Specs.raft()));
        assertThat(Files.readString(bundled.resolveSibling("AbstractLog.tla")))
                .isEqualTo(Files.readString(Specs.raft().resolveSibling("AbstractLog.tla")));
        assertThat(TraceValidator.validate(bundled, Specs.trace("election.ndjson")).verdict()).isEqualTo(Verdict.MATCH);
    }
}
