package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.reports.ReportMeasures;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tiles of a day of 8 inbound calls, 1 answered and 7 missed out of hours or within seconds (none of them
 * offered): the answer rate is 100 % of the offered, and the tiles say so, beside "Missed 7".
 */
class DashboardTilesTest {

    @Test
    void theMissedTileSaysHowManyOfItsCallsWereOfferedAndTheAnswerRateOfWhat() {
        ReportMeasures day = new ReportMeasures(8, 1, 1, 7, 0, 1, 0, 6, 0, 0.0, 1.0, 0.0, 5.0, 5.0, 5.0, 1.0, 0, 0.0,
                null, null, 7, 60.0, 0, 0, null, null, 0, null, null, null, null, null);
        Map<String, DashboardView.Tile> tiles = DashboardTiles.of(day, 20).stream()
                .collect(Collectors.toMap(DashboardView.Tile::measure, t -> t));
        assertThat(tiles.get("missed").value()).isEqualTo("7");
        assertThat(tiles.get("missed").detail()).isEqualTo("0 of offered; 7 short, out of hours or denylisted");
        assertThat(tiles.get("answer_rate").value()).isEqualTo("100.0 %");
        assertThat(tiles.get("answer_rate").detail()).isEqualTo("1 answered of 1 offered");
        assertThat(tiles.get("offered").value()).isEqualTo("1");
        assertThat(List.of(tiles.get("answered").value(), tiles.get("inbound").value())).containsExactly("1", "8");
    }
}
