package io.botcore.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterGridTest {

    @Test
    void shouldExpandRangesInclusivelyWithTheLastAxisFastest() {
        ParameterGrid grid = ParameterGrid.parse("period=7..28:7,oversold=20..35:5");

        assertThat(grid.axes().get(0).values()).containsExactly("7", "14", "21", "28");
        assertThat(grid.axes().get(1).values()).containsExactly("20", "25", "30", "35");
        assertThat(grid.size()).isEqualTo(16);
        assertThat(grid.combination(0)).containsExactly(Map.entry("period", "7"), Map.entry("oversold", "20"));
        assertThat(grid.combination(1)).containsExactly(Map.entry("period", "7"), Map.entry("oversold", "25"));
        assertThat(grid.combination(15)).containsExactly(Map.entry("period", "28"), Map.entry("oversold", "35"));
        assertThat(grid.all()).hasSize(16).doesNotHaveDuplicates();
    }

    @Test
    void shouldComputeDecimalStepsExactlyAndAcceptListsAndSingleValues() {
        ParameterGrid grid = ParameterGrid.parse(" k = 1.5..2.5:0.5 , period=20|30 , rsi.period=14, n=3..5");

        assertThat(grid.axes().get(0).values()).containsExactly("1.5", "2.0", "2.5");
        assertThat(grid.axes().get(1).values()).containsExactly("20", "30");
        assertThat(grid.axes().get(2).values()).containsExactly("14");
        assertThat(grid.axes().get(3).values()).containsExactly("3", "4", "5");
        assertThat(grid.size()).isEqualTo(18);
        assertThat(ParameterGrid.parse("x=0.1..0.3:0.1").axes().get(0).values()).containsExactly("0.1", "0.2", "0.3");
    }

    @Test
    void shouldRejectBadSyntaxNamingThePart() {
        assertBad("", "grid is empty");
        assertBad("period", "grid part 'period': expected name=from..to:step");
        assertBad("period=", "grid part 'period=': expected name=from..to:step");
        assertBad("period=7..x:7", "grid part 'period=7..x:7': to 'x' is not a number");
        assertBad("period=7..28:0", "step must be > 0");
        assertBad("period=28..7", "from must not be above to");
        assertBad("period=7..28:7,period=9", "names parameter period twice");
        assertBad("9p=1", "'9p' is not a parameter name");
        assertBad("period=7,,k=2", "grid part '': expected");
        assertBad("period=1|1", "value 1 appears twice");
        assertBad("a=1..100000,b=1..1000", "more than 10000000 combinations");
    }

    @Test
    void shouldSampleDistinctCombinationsReproduciblyBySeed() {
        ParameterGrid grid = ParameterGrid.parse("a=1..50,b=1..40");

        List<Map<String, String>> first = grid.sample(30, 1);

        assertThat(first).hasSize(30).doesNotHaveDuplicates().isSubsetOf(grid.all());
        assertThat(grid.sample(30, 1)).isEqualTo(first);
        assertThat(grid.sample(30, 2)).isNotEqualTo(first);
        assertThat(grid.sample(5000, 1)).isEqualTo(grid.all());
        assertThatThrownBy(() -> grid.sample(0, 1)).hasMessageContaining("sample size must be > 0");
    }

    private static void assertBad(String text, String message) {
        assertThatThrownBy(() -> ParameterGrid.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
