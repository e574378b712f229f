package io.callrecords.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a center's configuration predicts for its inbound calls over a period: the share missed for each
 * reason, the share answered, and the mean queue wait of answered callers. The simulation draws its calls
 * at random; these are the figures its calls should come close to, which is how the tests judge it.
 *
 * @param inboundCalls the expected number of inbound calls, retries included
 */
public record ExpectedMix(double inboundCalls, Map<MissedReason, Double> missedShares, double answeredShare,
                          double meanQueueWaitSeconds) {

    private static final Duration STEP = Duration.ofMinutes(15);

    public ExpectedMix {
        missedShares = Map.copyOf(missedShares);
    }

    public double missedShare(MissedReason reason) {
        return missedShares.getOrDefault(reason, 0.0);
    }

    /** Sums the inbound rate over the period, quarter by quarter, split by line and by whether the line is open. */
    public static ExpectedMix of(CallCenter center, Instant from, Instant to) {
        CallerBehaviour b = center.behaviour();
        TrafficShape shape = new TrafficShape(center);
        double denylisted = 0;
        double closed = 0;
        double inHours = 0;
        Map<MissedReason, Double> missed = new EnumMap<>(MissedReason.class);
        double answered = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(STEP)) {
            double calls = shape.inboundPerHour(t) * STEP.toMinutes() / 60.0;
            denylisted += calls * b.denylistedShare();
            for (PhoneLine line : center.lines()) {
                double lineCalls = calls * line.share() * (1 - b.denylistedShare());
                if (!center.hoursOf(line).isOpen(t, center.zone())) {
                    closed += lineCalls;
                    continue;
                }
                LineMix mix = LineMix.of(b, line);
                // Callers missed in hours try again (and again): every call brings 1/(1 - r*m) calls in all.
                double withRetries = lineCalls / (1 - b.retryShare() * mix.missed());
                inHours += withRetries;
                missed.merge(MissedReason.SHORT_ABANDONED, withRetries * mix.shortAbandoned(), Double::sum);
                missed.merge(MissedReason.CALLBACK, withRetries * mix.callback(), Double::sum);
                missed.merge(MissedReason.ABANDONED, withRetries * mix.abandoned(), Double::sum);
                answered += withRetries * mix.answered();
            }
        }
        double total = denylisted + closed + inHours;
        if (total == 0) {
            return new ExpectedMix(0, Map.of(), 0, b.meanAnswerWaitSeconds());
        }
        Map<MissedReason, Double> shares = new EnumMap<>(MissedReason.class);
        shares.put(MissedReason.DENYLIST, denylisted / total);
        shares.put(MissedReason.OUT_OF_BUSINESS_HOURS, closed / total);
        missed.forEach((reason, calls) -> shares.put(reason, calls / total));
        return new ExpectedMix(total, shares, answered / total, b.meanAnswerWaitSeconds());
    }

    /** The fate of a call that comes in on {@code line} while it is open. */
    private record LineMix(double shortAbandoned, double callback, double abandoned, double answered) {

        static LineMix of(CallerBehaviour b, PhoneLine line) {
            double early = b.earlyHangupShare();
            double extension = line.entry() == PhoneLine.Entry.GREETING ? b.dialByExtensionShare() : 0;
            double queued = (1 - early) * (1 - extension);
            double dialled = (1 - early) * extension;
            return new LineMix(early,
                    queued * b.giveUpShare() * b.callbackRequestShare(),
                    queued * b.giveUpShare() * (1 - b.callbackRequestShare()) + dialled * b.extensionNoAnswerShare(),
                    queued * (1 - b.giveUpShare()) + dialled * (1 - b.extensionNoAnswerShare()));
        }

        double missed() {
            return shortAbandoned + callback + abandoned;
        }
    }
}
