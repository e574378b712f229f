package io.callrecords.simulator;

import static io.callrecords.simulator.FlowWriter.endpoint;
import static io.callrecords.simulator.FlowWriter.hangup;
import static io.callrecords.simulator.FlowWriter.user;

import java.time.Instant;
import java.util.UUID;

/** The events of calls agents make: to the outside (some of them returning missed calls) and to colleagues. */
final class OutboundCalls {

    private final CallCenter center;
    private final CallerBehaviour behaviour;
    private final Agents agents;
    private final Conversations conversations;
    private final Draw draw;

    OutboundCalls(CallCenter center, Agents agents, Conversations conversations, Draw draw) {
        this.center = center;
        this.behaviour = center.behaviour();
        this.agents = agents;
        this.conversations = conversations;
        this.draw = draw;
    }

    /** {@code agent} calls {@code number} from the main line; {@code returns} is the missed call it returns, or null. */
    SimulatedCall outbound(UUID uuid, Instant start, Staff.User agent, String number, CallerPool.Party party,
                           UUID returns) {
        PhoneLine line = center.lines().getFirst();
        FlowWriter flow = new FlowWriter(uuid, start);
        String sent = draw.chance(behaviour.nationalFormatShare()) ? CallerPool.national(number) : number;
        flow.at(0, "init", FlowWriter.init(line.number(), "user", agent.id(), sent, "contact", null, line.numberId()));
        // Someone who just called is more likely to pick up when called back.
        double answers = Math.min(1, behaviour.outboundAnswerShare() + (returns != null ? 0.1 : 0));
        long ring = draw.millis(4, 25);
        Long connected = null;
        boolean recorded = false;
        if (draw.chance(answers)) {
            flow.at(ring, "answer", endpoint("contact", null));
            flow.at(ring + 20, "bridge", user(agent.id()));
            flow.at(ring + 20 + conversations.talkMillis(behaviour.meanTalkSeconds() * 0.8), "hangup",
                    hangup(draw.chance(0.6) ? "user" : "contact"));
            connected = agent.id();
            recorded = draw.chance(behaviour.recordedShare());
        } else if (draw.chance(0.25)) {
            flow.at(draw.millis(1, 3), "hangup", hangup("system")); // busy or unreachable
        } else {
            flow.at(ring + draw.millis(10, 25), "hangup", hangup("user")); // nobody picked up
        }
        Instant ended = start.plusMillis(flow.end());
        agents.busy(agent.id(), ended);
        return new SimulatedCall(uuid, SimulatedCall.Direction.OUTBOUND, start, ended, line.number(), number, connected,
                null, false, 0, recorded, returns, party, flow.events());
    }

    /** One agent calls another's extension. */
    SimulatedCall internal(UUID uuid, Instant start) {
        Staff.User caller = agents.anyone(start, draw);
        Staff.User callee = agents.colleague(caller.id(), start, draw);
        FlowWriter flow = new FlowWriter(uuid, start);
        flow.at(0, "init", FlowWriter.init(caller.extension(), "user", caller.id(), callee.extension(), "user",
                callee.id(), null));
        flow.at(200, "bridge_attempt", user(callee.id()));
        Long connected = null;
        if (draw.chance(0.8)) {
            long answered = draw.millis(3, 10);
            flow.at(answered, "answer", endpoint("user", callee.id()));
            flow.at(answered + conversations.talkMillis(90), "hangup", hangup("user"));
            connected = callee.id();
        } else {
            long failed = draw.millis(18, 25);
            flow.at(failed, "bridge_fail", FlowWriter.bridgeFail(callee.id(), "no_answer"));
            flow.at(failed + 300, "hangup", hangup("user"));
        }
        Instant ended = start.plusMillis(flow.end());
        agents.busy(caller.id(), ended);
        agents.busy(callee.id(), ended);
        return new SimulatedCall(uuid, SimulatedCall.Direction.INTERNAL, start, ended, caller.extension(),
                callee.extension(), connected, null, false, 0, false, null, CallerPool.Party.UNKNOWN, flow.events());
    }
}
