package dev.dsverify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsverify.runner.SearchMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class OptionsTest {

    @Test
    void durations() {
        DurationConverter c = new DurationConverter();
        assertThat(c.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(c.convert("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.convert("30")).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> c.convert("soon")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> c.convert("0s")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void simulationOptions() {
        SimulationOption s = new SimulationOption();
        assertThat(s.convert("depth=50,traces=7,seed=3")).isEqualTo(new SearchMode.Simulation(50, 7, 3L));
        assertThat(s.convert("")).isEqualTo(new SearchMode.Simulation(100, 1000, null));
        assertThatThrownBy(() -> s.convert("deep=3")).hasMessageContaining("unknown key 'deep'");
        assertThatThrownBy(() -> s.convert("depth=0")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void longValuesKeepBothEndsAndTheChangeMark() {
        String v = "[a |-> 1, b |-> \"a long string value\", c |-> <<1, 2, 3>>]";
        String shortened = TraceTable.abbreviate(v + " *", 24);
        assertThat(shortened).hasSize(24).startsWith("[a |-> 1").endsWith(">>] *").contains("…");
        assertThat(TraceTable.abbreviate("short", 24)).isEqualTo("short");
        assertThat(TraceTable.shorten(v, 20)).hasSize(20).startsWith("[a |-> 1").endsWith("…]");
    }
}
