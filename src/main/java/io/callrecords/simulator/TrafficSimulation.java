package io.callrecords.simulator;

import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The simulated traffic of a {@link CallCenter}: calls in the order they start, each with all its events.
 * Inbound, outbound and internal calls arrive as Poisson processes shaped by hour and weekday; missed
 * calls lead to callers trying again and agents calling back. The same center, seed and start give the
 * same calls, uuids and events; another start gives other uuids, so two periods never collide.
 */
public final class TrafficSimulation implements Iterator<SimulatedCall> {

    private final CallCenter center;
    private final Instant end;
    private final long maxCalls;
    private final Draw flows;
    private final Draw callers;
    private final Draw ids;
    private final ArrivalProcess inbound;
    private final ArrivalProcess outbound;
    private final ArrivalProcess internal;
    private final PriorityQueue<FollowUp> followUps = new PriorityQueue<>();
    private final double[] callerWeights;
    private final Agents agents;
    private final InboundCalls inboundCalls;
    private final OutboundCalls outboundCalls;
    private long produced;
    private long followUpSequence;
    private SimulatedCall next;

    /**
     * @param end      no call starts at or after it; null for no end (then {@code maxCalls} ends the traffic)
     * @param maxCalls the most calls to produce
     */
    public TrafficSimulation(CallCenter center, long seed, Instant start, Instant end, long maxCalls) {
        this.center = center;
        this.end = end;
        this.maxCalls = maxCalls;
        SplittableRandom seeds = new SplittableRandom(seed);
        this.flows = new Draw(seeds.nextLong());
        this.callers = new Draw(seeds.nextLong());
        this.ids = new Draw(seeds.nextLong() ^ start.toEpochMilli() * 0x9E3779B97F4A7C15L);
        TrafficShape shape = new TrafficShape(center);
        this.inbound = new ArrivalProcess(shape::inboundPerHour, new Draw(seeds.nextLong()), start);
        this.outbound = new ArrivalProcess(shape::outboundPerHour, new Draw(seeds.nextLong()), start);
        this.internal = center.agents() < 2 ? null
                : new ArrivalProcess(shape::internalPerHour, new Draw(seeds.nextLong()), start);
        this.callerWeights = new double[center.callers().callers().size()];
        double total = 0;
        for (int i = 0; i < callerWeights.length; i++) {
            total += center.callers().callers().get(i).weight();
            callerWeights[i] = total;
        }
        this.agents = new Agents(center.staff());
        Conversations conversations = new Conversations(center.behaviour(), agents, flows);
        this.inboundCalls = new InboundCalls(center, shape, agents, conversations, flows);
        this.outboundCalls = new OutboundCalls(center, agents, conversations, flows);
    }

    public CallCenter center() {
        return center;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = produce();
        }
        return next != null;
    }

    @Override
    public SimulatedCall next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SimulatedCall call = next;
        next = null;
        return call;
    }

    private SimulatedCall produce() {
        if (produced >= maxCalls) {
            return null;
        }
        // The earliest of what is due next; on a tie follow-ups go first, then inbound, outbound, internal.
        FollowUp followUp = followUps.peek();
        Instant[] candidates = {followUp == null ? null : followUp.at(), inbound.peek(), outbound.peek(),
                internal == null ? null : internal.peek()};
        int source = -1;
        for (int i = 0; i < candidates.length; i++) {
            if (candidates[i] != null && (source < 0 || candidates[i].isBefore(candidates[source]))) {
                source = i;
            }
        }
        if (source < 0 || end != null && !candidates[source].isBefore(end)) {
            return null;
        }
        produced++;
        UUID uuid = uuid();
        return switch (source) {
            case 0 -> followUp(followUps.poll(), uuid);
            case 1 -> newInbound(uuid, inbound.take());
            case 2 -> {
                CallerPool.Caller callee = pickCaller();
                Instant at = outbound.take();
                yield outboundCalls.outbound(uuid, at, agents.anyone(at, flows), callee.number(), callee.party(), null);
            }
            default -> outboundCalls.internal(uuid, internal.take());
        };
    }

    private SimulatedCall newInbound(UUID uuid, Instant at) {
        if (callers.chance(center.behaviour().denylistedShare())) {
            return inbound(uuid, at, center.callers().denylistedCaller(callers), CallerPool.Party.UNKNOWN, true);
        }
        CallerPool.Caller caller = pickCaller();
        return inbound(uuid, at, caller.number(), caller.party(), false);
    }

    private SimulatedCall followUp(FollowUp f, UUID uuid) {
        if (f.kind() == FollowUp.Kind.RETRY) {
            return inbound(uuid, f.at(), f.number(), f.party(), false);
        }
        Staff.User agent = f.user() != null ? center.staff().user(f.user())
                : agents.pick(center.staff().team(f.team()), f.at(), flows);
        return outboundCalls.outbound(uuid, f.at(), agent, f.number(), f.party(), f.missed());
    }

    private SimulatedCall inbound(UUID uuid, Instant at, String number, CallerPool.Party party, boolean denylisted) {
        PhoneLine line = inboundCalls.pickLine();
        InboundCalls.Sketch call = inboundCalls.write(uuid, at, line, number, denylisted);
        boolean open = center.hoursOf(line).isOpen(at, center.zone());
        Instant ended = at.plusMillis(call.flow.end());
        MissedReason reason = call.connectedUser != null ? null
                : reason(denylisted, open, call.callbackRequested, call.flow.end());
        if (reason != null && !denylisted) {
            followUps(uuid, ended, number, party, open, call);
        }
        return new SimulatedCall(uuid, SimulatedCall.Direction.INBOUND, at, ended, number, line.number(),
                call.connectedUser, reason, call.queued, call.waitMillis, call.recorded, null, party, call.flow.events());
    }

    /** The simulator's own reading of call-records.md §3.7, to hold the service's against. */
    private MissedReason reason(boolean denylisted, boolean open, boolean callbackRequested, long durationMillis) {
        if (denylisted) {
            return MissedReason.DENYLIST;
        }
        if (!open) {
            return MissedReason.OUT_OF_BUSINESS_HOURS;
        }
        if (callbackRequested) {
            return MissedReason.CALLBACK;
        }
        return durationMillis < center.shortAbandonSeconds() * 1000L ? MissedReason.SHORT_ABANDONED
                : MissedReason.ABANDONED;
    }

    /** A caller missed in hours may try again soon; an agent may call back, in business hours. */
    private void followUps(UUID missed, Instant ended, String number, CallerPool.Party party, boolean open,
                           InboundCalls.Sketch call) {
        CallerBehaviour behaviour = center.behaviour();
        if (open && flows.chance(behaviour.retryShare())) {
            followUps.add(new FollowUp(ended.plusMillis(flows.millis(60, 1200)), followUpSequence++,
                    FollowUp.Kind.RETRY, number, party, null, 0, null));
        }
        if (flows.chance(call.callbackRequested ? 0.95 : behaviour.returnShare())) {
            Instant at = call.callbackRequested ? ended.plusMillis(flows.millis(180, 1800))
                    : ended.plusMillis(Math.round(Math.max(120, flows.logNormal(45 * 60, 0.8)) * 1000));
            if (!center.hours().isOpen(at, center.zone())) {
                at = center.hours().nextOpening(at, center.zone()).plusMillis(flows.millis(300, 5400));
            }
            followUps.add(new FollowUp(at, followUpSequence++, FollowUp.Kind.RETURN, number, party, missed,
                    call.team, call.triedUser));
        }
    }

    private CallerPool.Caller pickCaller() {
        return center.callers().callers().get(callers.cumulative(callerWeights));
    }

    private UUID uuid() {
        long msb = (ids.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (ids.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
