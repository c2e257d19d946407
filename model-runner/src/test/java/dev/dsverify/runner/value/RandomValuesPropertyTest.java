package dev.dsverify.runner.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Round-trip properties over seeded random values. Each value has its own seed, printed on failure;
 * {@code -Ddsverify.seed=N} changes the run, the slow tier checks ten times as many values.
 */
class RandomValuesPropertyTest {
    private static final long DEFAULT_SEED = 0x5eed_7a1aL;
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(TlaValueJson.module());

    private static int count() {
        return "slow".equals(System.getProperty("dsverify.tier")) ? 20_000 : 2_000;
    }

    @Test
    void printParseJsonAndReorderingPreserveEveryValue() throws Exception {
        long runSeed = Long.getLong("dsverify.seed", DEFAULT_SEED);
        SplittableRandom seeds = new SplittableRandom(runSeed);
        int n = count();
        int nonTrivial = 0;
        for (int i = 0; i < n; i++) {
            long seed = seeds.nextLong();
            TlaValue v = new RandomTlaValues(seed).next();
            String where = "value seed " + seed + " (run seed " + runSeed + ", #" + i
                    + "; rebuild with new RandomTlaValues(" + seed + "L).next()):\n" + v.toTla();
            String tla = v.toTla();

            TlaValue parsed = TlaValues.parse(tla);
            assertThat(parsed).as(where).isEqualTo(v).hasSameHashCodeAs(v);
            assertThat(parsed.toTla()).as("printing is stable: " + where).isEqualTo(tla);

            assertThat(TlaValueJson.fromJson(TlaValueJson.toJson(v))).as("JSON tree: " + where).isEqualTo(v);
            String json = MAPPER.writeValueAsString(v);
            assertThat(MAPPER.readValue(json, TlaValue.class)).as("JSON text: " + where).isEqualTo(v);
            assertThat(json).as("streamed and tree JSON agree: " + where)
                    .isEqualTo(TlaValueJson.toJson(v).toString());

            TlaValue reordered = new RandomTlaValues(seed ^ 0x9e3779b97f4a7c15L).reorder(v);
            assertThat(reordered).as("reordered: " + where).isEqualTo(v).hasSameHashCodeAs(v);
            assertThat(TlaValues.parse(reordered.toTla())).as("reordered, parsed: " + where).isEqualTo(v);

            if (tla.length() > 20) {
                nonTrivial++;
            }
        }
        // Guards the generator itself: most values must be compound, or the property proves little.
        assertThat(nonTrivial).isGreaterThan(n / 4);
    }
}
