package io.callrecords.simulator;

import static io.callrecords.simulator.FlowWriter.endpoint;
import static io.callrecords.simulator.FlowWriter.hangup;
import static io.callrecords.simulator.FlowWriter.user;

import java.time.Instant;
import java.util.UUID;

/**
 * The events of an inbound call: denylisted callers are hung up on; after hours callers hear the closed
 * greeting and may leave a voicemail; in hours callers go through the number's IVR, smart IVR or straight
 * to a team's queue, where agents' phones ring (some do not pick up, some reject) until one answers or
 * the caller gives up, asks for a callback or leaves a voicemail. IVR callers may dial an extension.
 */
final class InboundCalls {

    /** What happened to one call, filled in while its events are written. */
    static final class Sketch {
        final FlowWriter flow;
        final Instant start;
        Long connectedUser;
        boolean queued;
        long team = 1;
        Long triedUser;
        long waitMillis;
        boolean recorded;
        boolean callbackRequested;

        Sketch(FlowWriter flow, Instant start) {
            this.flow = flow;
            this.start = start;
        }
    }

    private final CallCenter center;
    private final CallerBehaviour behaviour;
    private final TrafficShape shape;
    private final Agents agents;
    private final Conversations conversations;
    private final Draw draw;
    private final double[] lineShares;

    InboundCalls(CallCenter center, TrafficShape shape, Agents agents, Conversations conversations, Draw draw) {
        this.center = center;
        this.behaviour = center.behaviour();
        this.shape = shape;
        this.agents = agents;
        this.conversations = conversations;
        this.draw = draw;
        this.lineShares = center.lines().stream().mapToDouble(PhoneLine::share).toArray();
    }

    /** Writes the call's events; {@code sketch} says what came of it. */
    Sketch write(UUID uuid, Instant start, PhoneLine line, String callerNumber, boolean denylisted) {
        FlowWriter flow = new FlowWriter(uuid, start);
        Sketch call = new Sketch(flow, start);
        String sent = draw.chance(behaviour.nationalFormatShare()) ? CallerPool.national(callerNumber) : callerNumber;
        if (denylisted) {
            // The platform knows its denylist too: the call goes nowhere.
            flow.at(0, "init", FlowWriter.init(sent, "contact", null, line.number(), "hangup", null, line.numberId()));
            flow.at(draw.millis(0.05, 0.3), "route", endpoint("hangup", null));
            flow.at(draw.millis(0.4, 1.2), "hangup", hangup("system"));
            return call;
        }
        flow.at(0, "init", FlowWriter.init(sent, "contact", null, line.number(), line.entry().wire(), line.entryId(),
                line.numberId()));
        if (!center.hoursOf(line).isOpen(start, center.zone())) {
            afterHours(call);
        } else if (draw.chance(behaviour.earlyHangupShare())) {
            earlyHangup(call, line);
        } else {
            inHours(call, line);
        }
        return call;
    }

    PhoneLine pickLine() {
        return center.lines().get(draw.weighted(lineShares));
    }

    private void afterHours(Sketch call) {
        call.flow.at(draw.millis(0.05, 0.2), "route", endpoint("greeting", center.closedGreeting()));
        call.flow.at(draw.millis(0.3, 0.6), "answer", endpoint("greeting", center.closedGreeting()));
        if (draw.chance(behaviour.afterHoursVoicemailShare())) {
            leaveVoicemail(call, draw.millis(9, 14), "account", center.afterHoursVoicemailBox());
        } else {
            call.flow.at(draw.millis(2, 14), "hangup", hangup("contact"));
        }
    }

    /** Hung up within the first seconds: a wrong number, a change of mind. */
    private void earlyHangup(Sketch call, PhoneLine line) {
        double latest = Math.max(0.8, center.shortAbandonSeconds() - 0.3);
        if (line.entry() == PhoneLine.Entry.TEAM) {
            call.flow.at(draw.millis(0.1, 0.3), "route", endpoint("team", line.teams().getFirst()));
        } else {
            call.flow.at(draw.millis(0.2, 0.6), "answer", endpoint(line.entry().wire(), line.entryId()));
        }
        call.flow.at(draw.millis(0.7, latest), "hangup", hangup("contact"));
    }

    private void inHours(Sketch call, PhoneLine line) {
        switch (line.entry()) {
            case GREETING -> {
                call.flow.at(draw.millis(0.2, 0.6), "answer", endpoint("greeting", line.entryId()));
                long menuChoice = draw.millis(4, 11);
                if (draw.chance(behaviour.dialByExtensionShare())) {
                    extension(call, menuChoice);
                } else {
                    queue(call, center.staff().team(draw.pick(line.teams())), menuChoice);
                }
            }
            case TEAM -> queue(call, center.staff().team(line.teams().getFirst()), draw.millis(0.1, 0.3));
            case SMART_IVR -> {
                call.flow.at(draw.millis(0.2, 0.5), "answer", endpoint("smart_ivr", line.entryId()));
                queue(call, center.staff().team(line.teams().getFirst()), draw.millis(2, 4));
            }
        }
    }

    private void queue(Sketch call, Staff.Team team, long entered) {
        call.flow.at(entered, "route", endpoint("team", team.id()));
        call.queued = true;
        call.team = team.id();
        if (draw.chance(behaviour.giveUpShare())) {
            long gaveUp = entered + Math.round((8 + draw.logNormal(Math.max(1, behaviour.meanGiveUpSeconds() - 8), 0.8)) * 1000);
            conversations.ringUnanswered(call, team, entered, gaveUp, true);
            if (draw.chance(behaviour.callbackRequestShare())) {
                call.flow.at(gaveUp, "callback_request", FlowWriter.callbackRequest(team.id()));
                call.flow.at(gaveUp + draw.millis(2, 5), "hangup", hangup("system"));
                call.callbackRequested = true;
            } else if (draw.chance(behaviour.voicemailShare())) {
                leaveVoicemail(call, gaveUp, "account", team.voicemailBox());
            } else {
                call.flow.at(gaveUp, "hangup", hangup("contact"));
            }
            return;
        }
        double mean = behaviour.meanAnswerWaitSeconds() * shape.waitFactor(call.start.plusMillis(entered));
        long wait = Math.max(1000, Math.round(draw.logNormal(mean, 0.9) * 1000));
        long ring = Math.min(wait, draw.millis(2, 12));
        conversations.ringUnanswered(call, team, entered, entered + wait - ring, false);
        Staff.User agent = agents.pick(team, call.start.plusMillis(entered + wait), draw);
        call.flow.at(entered + wait - ring, "bridge_attempt", user(agent.id()));
        call.waitMillis = wait;
        conversations.talk(call, agent, entered + wait);
    }

    /** The caller dialled a user's extension from the IVR menu. */
    private void extension(Sketch call, long dialled) {
        Staff.User callee = agents.anyone(call.start.plusMillis(dialled), draw);
        call.triedUser = callee.id();
        call.flow.at(dialled, "route", endpoint("user", callee.id()));
        call.flow.at(dialled + 150, "bridge_attempt", user(callee.id()));
        if (!draw.chance(behaviour.extensionNoAnswerShare())) {
            conversations.talk(call, callee, dialled + draw.millis(3, 15));
            return;
        }
        long failed = dialled + draw.millis(18, 25);
        call.flow.at(failed, "bridge_fail", FlowWriter.bridgeFail(callee.id(), "no_answer"));
        if (draw.chance(0.6)) {
            leaveVoicemail(call, failed + 300, "user", callee.voicemailBox());
        } else {
            call.flow.at(failed + draw.millis(0.5, 4), "hangup", hangup("contact"));
        }
    }

    private void leaveVoicemail(Sketch call, long at, String boxType, long box) {
        call.flow.at(at, "route", endpoint("voicemail", box));
        call.flow.at(at + 400, "answer", endpoint("voicemail", box));
        long beep = at + draw.millis(4, 8);
        call.flow.at(beep, "voicemail", FlowWriter.voicemail(boxType, box));
        call.flow.at(beep + draw.millis(8, 45), "hangup", hangup("contact"));
    }
}
