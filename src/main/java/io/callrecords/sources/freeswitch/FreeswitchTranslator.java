package io.callrecords.sources.freeswitch;

import io.callrecords.sources.CallDocuments;
import io.callrecords.sources.DirectoryIds;
import io.callrecords.sources.SourceDocument;
import io.callrecords.sources.SourceKind;
import io.callrecords.sources.SourceTranslator;
import io.callrecords.sources.Translation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * FreeSWITCH's legs of one call → the call's events (research §2.4). The A-leg's CDR says the call is over; until it
 * comes, B-legs are kept and translate into nothing. Legs are read in an order of their own (the A-leg, then the
 * others by start and uuid), never in arrival order, so any arrival order gives the same events.
 */
@Component
public class FreeswitchTranslator implements SourceTranslator<FreeswitchProfile> {

    @Override
    public SourceKind kind() {
        return SourceKind.FREESWITCH;
    }

    @Override
    public Class<FreeswitchProfile> profileType() {
        return FreeswitchProfile.class;
    }

    @Override
    public FreeswitchProfile defaultProfile() {
        return FreeswitchProfile.defaults();
    }

    @Override
    public Translation translate(CallDocuments call, FreeswitchProfile profile, DirectoryIds ids) {
        List<String> problems = new ArrayList<>();
        Map<String, Leg> byUuid = new LinkedHashMap<>();
        for (SourceDocument d : call.documents()) {
            try {
                Leg leg = Leg.read(d.body());
                if (leg.uuid() != null) {
                    byUuid.putIfAbsent(leg.uuid(), leg);
                }
            } catch (RuntimeException e) {
                problems.add("leg " + d.docKey() + " cannot be read: " + e.getMessage());
            }
        }
        Leg aLeg = byUuid.get(call.callKey());
        if (aLeg == null) {
            return new Translation(List.of(), false, problems);
        }
        List<Leg> others = byUuid.values().stream().filter(l -> l != aLeg)
                .sorted(Comparator.comparingLong((Leg l) -> l.micros("start_uepoch")).thenComparing(Leg::uuid))
                .toList();
        return new CallTranslation(call.callUuid(), aLeg, others, profile, ids, problems).translate();
    }
}
