package io.callrecords.web;

import io.callrecords.calls.CallComments;
import io.callrecords.calls.CallDispositions;
import io.callrecords.calls.Dispositions;
import io.callrecords.calls.Tags;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What people wrote on a call, in words for its page: comments with their author's name and time in the account's
 * zone, the call's tags, its disposition, and the choices of the forms that change them.
 */
record CallNotesView(UUID uuid, boolean canWrite, List<CommentLine> comments, List<TagChip> tags,
                     List<TagChip> otherTags, String disposition, String dispositionBy, Long dispositionId,
                     List<Choice> dispositions) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    record CommentLine(String author, String time, String datetime, String content) {}

    /** A tag and its colour as a swatch image (a data URL: the pages' content policy allows no inline styles). */
    record TagChip(long id, String name, String swatch) {

        static TagChip of(Tags.Tag tag) {
            return new TagChip(tag.id(), tag.name(), "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'"
                    + " width='12' height='12'%3E%3Crect width='12' height='12' rx='3' fill='%23"
                    + tag.color().substring(1) + "'/%3E%3C/svg%3E");
        }
    }

    record Choice(long id, String label) {}

    static CallNotesView of(UUID uuid, boolean canWrite, List<CallComments.Comment> comments, List<Tags.Tag> callTags,
                            List<Tags.Tag> accountTags, Optional<CallDispositions.Given> given,
                            List<Dispositions.Disposition> codes, ZoneId zone) {
        Set<Long> on = callTags.stream().map(Tags.Tag::id).collect(Collectors.toSet());
        return new CallNotesView(uuid, canWrite,
                comments.stream().map(c -> new CommentLine(author(c.userId(), c.userName()), time(c.createdAt(), zone),
                        c.createdAt().toString(), c.content())).toList(),
                callTags.stream().map(TagChip::of).toList(),
                accountTags.stream().filter(t -> !on.contains(t.id())).map(TagChip::of).toList(),
                given.map(g -> label(g.disposition())).orElse(null),
                given.map(g -> author(g.userId(), g.userName()) + ", " + time(g.setAt(), zone)).orElse(null),
                given.map(g -> g.disposition().id()).orElse(null),
                codes.stream().map(d -> new Choice(d.id(), label(d))).toList());
    }

    /** The directory's name, "User 11" for an id it does not know, "an API key" for a machine. */
    static String author(Long userId, String name) {
        if (userId == null) {
            return "an API key";
        }
        return name != null ? name : "User " + userId;
    }

    private static String label(Dispositions.Disposition d) {
        return d.name() + " (" + d.code() + ")";
    }

    private static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }
}
