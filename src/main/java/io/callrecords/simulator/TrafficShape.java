package io.callrecords.simulator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * The center's traffic as rates that change with the local hour and weekday: inbound calls around the
 * clock, outbound and internal calls only while the center is open, and how much longer than usual
 * callers wait in a busy hour.
 */
final class TrafficShape {

    private final CallCenter center;
    private final Traffic traffic;
    /** The share of an ordinary working day's inbound calls that fall in its open hours. */
    private final double openShareOfWorkingDay;
    private final double[] waitFactors = new double[24];

    TrafficShape(CallCenter center) {
        this.center = center;
        this.traffic = center.traffic();
        double open = 0;
        double weightedRoot = 0;
        for (int hour = 0; hour < 24; hour++) {
            double openFraction = openFraction(DayOfWeek.WEDNESDAY, hour);
            open += traffic.hourShare(hour) * openFraction;
            weightedRoot += traffic.hourShare(hour) * openFraction * Math.sqrt(traffic.hourShare(hour));
        }
        this.openShareOfWorkingDay = open > 0 ? open : 1;
        // Waits grow with the square root of the hour's load; scaled so the callers of an open
        // working day wait the configured mean on average.
        double meanRoot = open > 0 ? weightedRoot / open : 1;
        for (int hour = 0; hour < 24; hour++) {
            waitFactors[hour] = Math.sqrt(traffic.hourShare(hour)) / meanRoot;
        }
    }

    double inboundPerHour(Instant at) {
        ZonedDateTime local = at.atZone(center.zone());
        return center.agents() * traffic.inboundPerAgentDay() * traffic.weekdayFactor(local.getDayOfWeek())
                * traffic.hourShare(local.getHour());
    }

    double outboundPerHour(Instant at) {
        return workingRate(at, traffic.outboundPerAgentDay());
    }

    double internalPerHour(Instant at) {
        return workingRate(at, traffic.internalPerAgentDay());
    }

    /** How the queue wait at {@code at} compares with the day's mean wait. */
    double waitFactor(Instant at) {
        return waitFactors[at.atZone(center.zone()).getHour()];
    }

    /** A working day's {@code perAgentDay} calls spread over the open hours like inbound calls are. */
    private double workingRate(Instant at, double perAgentDay) {
        if (!center.hours().isOpen(at, center.zone())) {
            return 0;
        }
        ZonedDateTime local = at.atZone(center.zone());
        return center.agents() * perAgentDay * traffic.weekdayFactor(local.getDayOfWeek())
                * traffic.hourShare(local.getHour()) / openShareOfWorkingDay;
    }

    private double openFraction(DayOfWeek day, int hour) {
        int open = 0;
        for (int minute = 0; minute < 60; minute++) {
            if (center.hours().openAt(day, (hour * 60 + minute) * 60)) {
                open++;
            }
        }
        return open / 60.0;
    }
}
