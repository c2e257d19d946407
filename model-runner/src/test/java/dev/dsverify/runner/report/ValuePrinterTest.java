package dev.dsverify.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsverify.runner.value.TlaSeq;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuePrinterTest {

    @Test
    void short_values_stay_on_one_line_as_tlc_prints_them() {
        var v = Samples.perServer(Samples.num(1), Samples.num(2), Samples.num(3));
        assertThat(new ValuePrinter(60).print(v)).isEqualTo("(n1 :> 1 @@ n2 :> 2 @@ n3 :> 3)");
    }

    @Test
    void long_values_break_one_entry_per_line_recursively() {
        var log = new TlaSeq(List.of(Samples.rec("term", Samples.num(1), "value", Samples.str("v1"))));
        var v = Samples.perServer(log, new TlaSeq(List.of()), Samples.rec("a", Samples.str("x".repeat(20)),
                "b", Samples.str("y".repeat(20))));
        String printed = new ValuePrinter(40).print(v);
        assertThat(printed).isEqualTo("""
                (
                  n1 :> <<
                    [term |-> 1, value |-> "v1"]
                  >> @@
                  n2 :> <<>> @@
                  n3 :> [
                    a |-> "xxxxxxxxxxxxxxxxxxxx",
                    b |-> "yyyyyyyyyyyyyyyyyyyy"
                  ]
                )""");
        for (String line : printed.split("\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(40);
        }
    }

    @Test
    void sets_and_sequences_break_per_element() {
        var s = Samples.set(Samples.str("a".repeat(12)), Samples.str("b".repeat(12)));
        assertThat(new ValuePrinter(20).print(s)).isEqualTo("{\n  \"aaaaaaaaaaaa\",\n  \"bbbbbbbbbbbb\"\n}");
    }

    @Test
    void entries_list_the_top_level_keys() {
        var v = Samples.rec("a", Samples.num(1), "b", Samples.num(2));
        assertThat(new ValuePrinter(40).entries(v)).extracting(ValuePrinter.Entry::key, ValuePrinter.Entry::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "a |-> 1"),
                        org.assertj.core.groups.Tuple.tuple("b", "b |-> 2"));
        assertThat(new ValuePrinter(40).entries(Samples.num(3))).isEmpty();
    }
}
