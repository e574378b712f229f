package io.callrecords.simulator;

import static io.callrecords.simulator.FlowWriter.endpoint;
import static io.callrecords.simulator.FlowWriter.hangup;
import static io.callrecords.simulator.FlowWriter.user;

/** The parts of a call between a caller and agents: phones ringing unanswered, then a conversation. */
final class Conversations {

    private static final long MIN_TALK_MILLIS = 8_000;
    private static final long MAX_TALK_MILLIS = 45 * 60_000;

    private final CallerBehaviour behaviour;
    private final Agents agents;
    private final Draw draw;

    Conversations(CallerBehaviour behaviour, Agents agents, Draw draw) {
        this.behaviour = behaviour;
        this.agents = agents;
        this.draw = draw;
    }

    /**
     * Rings team members who do not take the call, between {@code from} and {@code until}: some let it ring
     * out, some reject it, and in between the queue holds the caller while everyone is busy.
     *
     * @param callerLeaves the caller hangs up at {@code until}: a phone ringing then stops with that result
     */
    void ringUnanswered(InboundCalls.Sketch call, Staff.Team team, long from, long until, boolean callerLeaves) {
        long t = from + draw.millis(0.5, 3);
        while (t < until) {
            if (!draw.chance(0.45)) {
                t += draw.millis(5, 20);
                continue;
            }
            long member = draw.pick(team.members());
            boolean rejects = draw.chance(0.3);
            long length = rejects ? draw.millis(1, 6) : draw.millis(15, 25);
            if (t + length > until) {
                if (callerLeaves) {
                    call.flow.at(t, "bridge_attempt", user(member));
                    call.flow.at(until, "bridge_fail", FlowWriter.bridgeFail(member, "caller_hangup"));
                }
                return;
            }
            call.flow.at(t, "bridge_attempt", user(member));
            call.flow.at(t + length, "bridge_fail", FlowWriter.bridgeFail(member, rejects ? "rejected" : "no_answer"));
            t += length + draw.millis(1, 8);
        }
    }

    /** The caller talks with {@code agent} from {@code bridged}, is perhaps transferred, and the call ends. */
    void talk(InboundCalls.Sketch call, Staff.User agent, long bridged) {
        call.flow.at(bridged, "bridge", user(agent.id()));
        long end = bridged + talkMillis(behaviour.meanTalkSeconds());
        Staff.User last = agent;
        if (draw.chance(behaviour.transferShare())) {
            long transfer = bridged + (end - bridged) / 2;
            Staff.User colleague = agents.colleague(agent.id(), call.start.plusMillis(transfer), draw);
            call.flow.at(transfer, "route", endpoint("user", colleague.id()));
            call.flow.at(transfer + 200, "bridge_attempt", user(colleague.id()));
            long picked = transfer + draw.millis(4, 15);
            call.flow.at(picked, "bridge", user(colleague.id()));
            agents.busy(agent.id(), call.start.plusMillis(transfer));
            end = picked + talkMillis(behaviour.meanTalkSeconds() / 2);
            last = colleague;
        }
        call.flow.at(end, "hangup", hangup(draw.chance(0.5) ? "user" : "contact"));
        agents.busy(last.id(), call.start.plusMillis(end));
        call.connectedUser = last.id();
        call.recorded = draw.chance(behaviour.recordedShare());
    }

    long talkMillis(double meanSeconds) {
        return Math.clamp(Math.round(draw.logNormal(meanSeconds, 0.8) * 1000), MIN_TALK_MILLIS, MAX_TALK_MILLIS);
    }
}
