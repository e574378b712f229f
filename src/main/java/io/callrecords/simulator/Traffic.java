package io.callrecords.simulator;

import java.time.DayOfWeek;
import java.util.List;

/**
 * How much the center is called and calls, and when: daily volumes per agent, shaped by hour of day and
 * weekday. Inbound calls come around the clock (fewer at night); outbound and internal calls happen in
 * business hours only.
 *
 * @param hourShares     the share of a day's inbound calls in each local hour, 0 to 23 (normalised)
 * @param weekdayFactors Monday to Sunday, relative to an average working day
 */
public record Traffic(double inboundPerAgentDay, double outboundPerAgentDay, double internalPerAgentDay,
                      List<Double> hourShares, List<Double> weekdayFactors) {

    public Traffic {
        if (hourShares.size() != 24 || weekdayFactors.size() != 7) {
            throw new IllegalArgumentException("24 hour shares and 7 weekday factors");
        }
        double total = hourShares.stream().mapToDouble(Double::doubleValue).sum();
        hourShares = hourShares.stream().map(s -> s / total).toList();
        weekdayFactors = List.copyOf(weekdayFactors);
    }

    /** Mornings and early afternoons are busy, lunch dips, Mondays are heaviest, Sundays nearly quiet. */
    public static Traffic typical() {
        return new Traffic(45, 12, 3,
                List.of(0.002, 0.002, 0.002, 0.002, 0.002, 0.002, 0.004, 0.010, 0.035, 0.090, 0.115, 0.115,
                        0.075, 0.085, 0.110, 0.105, 0.095, 0.075, 0.035, 0.015, 0.010, 0.006, 0.004, 0.003),
                List.of(1.15, 1.05, 1.0, 1.0, 0.95, 0.35, 0.15));
    }

    double hourShare(int hour) {
        return hourShares.get(hour);
    }

    double weekdayFactor(DayOfWeek day) {
        return weekdayFactors.get(day.getValue() - 1);
    }

    /** The mean weekday factor: how a week's days compare with an average working day. */
    double meanWeekdayFactor() {
        return weekdayFactors.stream().mapToDouble(Double::doubleValue).average().orElse(1);
    }
}
