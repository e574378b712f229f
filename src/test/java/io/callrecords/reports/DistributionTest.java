package io.callrecords.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Percentiles as PostgreSQL's percentile_cont, over the values as report_quantize keeps them. */
class DistributionTest {

    @Test
    void percentilesInterpolateBetweenTheValuesAroundTheRank() {
        Distribution d = new Distribution();
        assertThat(d.percentile(0.5)).isNull();
        d.add(10, 1);
        d.add(20, 1);
        assertThat(d.percentile(0.5)).isEqualTo(15.0);
        d.add(30, 1);
        d.add(40, 1);
        assertThat(d.percentile(0.9)).isEqualTo(37.0); // rank 2.7: 30 + 0.7 × 10
        d.add(40, -1); // taken back
        assertThat(d.percentile(1.0)).isEqualTo(30.0);
        assertThat(d.atMost(20)).isEqualTo(2);
    }

    @Test
    void aValueAndItsKeptValueShareAnIndex() {
        for (int index = 0; index < 3_000; index++) {
            int value = Distribution.value(index);
            assertThat(Distribution.index(value)).as("index %d", index).isEqualTo(index);
            assertThat(Distribution.value(index + 1)).isGreaterThan(value);
        }
        assertThat(Distribution.value(Distribution.index(7_180))).isEqualTo(7_184);
        assertThat(Distribution.index(Integer.MAX_VALUE)).isLessThan(4_000); // a month of values fits a small array
    }
}
