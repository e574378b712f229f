package io.callrecords.people;

import io.callrecords.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answers and request bodies of the directory endpoints as they go over the wire (Hipcall's v3 shapes:
 * {@code resource_type} and {@code id} first). A user's password or its hash is never part of an answer.
 */
final class PeopleViews {

    static final String TAG = "People";
    static final String TAG_DESCRIPTION = "The account's directory: users, teams, numbers, greetings, extensions and"
            + " voicemail boxes, with their external refs";

    private PeopleViews() {}

    /** Any entry of the directory, as the external-ref get-or-create answers it. */
    @Schema(name = "Entry", oneOf = {UserView.class, TeamView.class, NumberView.class, GreetingView.class,
            ExtensionView.class, VoicemailBoxView.class}, example = "{\"resource_type\": \"user\", \"id\": 11, \"name\":"
            + " \"Extension 1001\", \"full_name\": null, \"email\": null, \"title\": null, \"status\": \"active\","
            + " \"default_number_id\": null, \"default_extension_id\": null, \"role\": \"agent\", \"locale\": null,"
            + " \"can_sign_in\": false, \"external_refs\": [{\"source\": \"freeswitch\", \"ref\": \"1001@pbx.example\"}],"
            + " \"created_at\": \"2026-03-26T09:31:32Z\", \"updated_at\": \"2026-03-26T09:31:32Z\"}")
    sealed interface EntryView permits UserView, TeamView, NumberView, GreetingView, ExtensionView, VoicemailBoxView {

        static EntryView of(Entry entry) {
            return switch (entry.kind()) {
                case USER -> UserView.of(entry);
                case TEAM -> TeamView.of(entry);
                case NUMBER -> NumberView.of(entry);
                case GREETING -> GreetingView.of(entry);
                case EXTENSION -> ExtensionView.of(entry);
                case VOICEMAIL_BOX -> VoicemailBoxView.of(entry);
            };
        }
    }

    @Schema(name = "ExternalRef")
    record ExternalRefView(@Schema(example = "freeswitch") String source, @Schema(example = "1001@pbx.example") String ref) {

        static List<ExternalRefView> of(Entry entry) {
            return entry.externalRefs().stream().map(r -> new ExternalRefView(r.source(), r.ref())).toList();
        }
    }

    @Schema(name = "User")
    record UserView(
            @Schema(example = "user") String resourceType,
            @Schema(example = "11") long id,
            @Schema(example = "Ayşe Yılmaz") String name,
            @Schema(example = "Ayşe Yılmaz", nullable = true) String fullName,
            @Schema(example = "ayse@example.com", nullable = true) String email,
            @Schema(example = "Support lead", nullable = true) String title,
            @Schema(example = "active", allowableValues = {"active", "inactive"}) String status,
            @Schema(example = "1", nullable = true) Long defaultNumberId,
            @Schema(example = "2", nullable = true) Long defaultExtensionId,
            @Schema(example = "agent", allowableValues = {"admin", "supervisor", "agent"}) String role,
            @Schema(example = "tr", nullable = true) String locale,
            @Schema(example = "true", description = "Whether the user signs in with email and password") boolean canSignIn,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt) implements EntryView {

        static UserView of(Entry e) {
            return new UserView("user", e.id(), e.text("name"), e.text("full_name"), e.text("email"), e.text("title"),
                    e.text("status"), e.id("default_number_id"), e.id("default_extension_id"), e.text("role"),
                    e.text("locale"), e.canSignIn(), ExternalRefView.of(e), Timestamps.wire(e.createdAt()),
                    Timestamps.wire(e.updatedAt()));
        }
    }

    @Schema(name = "Team")
    record TeamView(
            @Schema(example = "team") String resourceType,
            @Schema(example = "1") long id,
            @Schema(example = "Support queue") String name,
            @Schema(example = "ring_all", nullable = true) String strategy,
            @Schema(example = "5", nullable = true) Integer wrapUpTime,
            @Schema(example = "active", nullable = true) String state,
            @ArraySchema(arraySchema = @Schema(example = "[11, 12]", description = "User ids, in order")) List<Long> members,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt) implements EntryView {

        static TeamView of(Entry e) {
            return new TeamView("team", e.id(), e.text("name"), e.text("strategy"), e.whole("wrap_up_time"),
                    e.text("state"), e.members(), ExternalRefView.of(e), Timestamps.wire(e.createdAt()),
                    Timestamps.wire(e.updatedAt()));
        }
    }

    @Schema(name = "Number")
    record NumberView(
            @Schema(example = "number") String resourceType,
            @Schema(example = "1") long id,
            @Schema(example = "Support line") String name,
            @Schema(example = "+908502010000", description = "E.164") String number,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt) implements EntryView {

        static NumberView of(Entry e) {
            return new NumberView("number", e.id(), e.text("name"), e.text("number"), ExternalRefView.of(e),
                    Timestamps.wire(e.createdAt()), Timestamps.wire(e.updatedAt()));
        }
    }

    @Schema(name = "Greeting")
    record GreetingView(
            @Schema(example = "greeting") String resourceType,
            @Schema(example = "1") long id,
            @Schema(example = "Welcome menu") String name,
            @Schema(example = "smart_ivr", allowableValues = {"greeting", "smart_ivr", "external_manager", "speed_dial"})
            String kind,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt) implements EntryView {

        static GreetingView of(Entry e) {
            return new GreetingView("greeting", e.id(), e.text("name"), e.text("kind"), ExternalRefView.of(e),
                    Timestamps.wire(e.createdAt()), Timestamps.wire(e.updatedAt()));
        }
    }

    @Schema(name = "Extension")
    record ExtensionView(
            @Schema(example = "extension") String resourceType,
            @Schema(example = "2") long id,
            @Schema(example = "1001", description = "The short internal number") String number,
            @Schema(example = "user", allowableValues = {"user", "team", "greeting"}) String targetType,
            @Schema(example = "11") long targetId,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt) implements EntryView {

        static ExtensionView of(Entry e) {
            return new ExtensionView("extension", e.id(), e.text("number"), e.text("target_type"), e.id("target_id"),
                    ExternalRefView.of(e), Timestamps.wire(e.createdAt()), Timestamps.wire(e.updatedAt()));
        }
    }

    @Schema(name = "VoicemailBox")
    record VoicemailBoxView(
            @Schema(example = "voicemail_box") String resourceType,
            @Schema(example = "3") long id,
            @Schema(example = "Ayşe's voicemail") String name,
            @Schema(example = "user", allowableValues = {"user", "account"}) String type,
            @Schema(example = "11", nullable = true, description = "The user whose box it is, when type is user") Long userId,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt) implements EntryView {

        static VoicemailBoxView of(Entry e) {
            return new VoicemailBoxView("voicemail_box", e.id(), e.text("name"), e.text("type"), e.id("user_id"),
                    ExternalRefView.of(e), Timestamps.wire(e.createdAt()), Timestamps.wire(e.updatedAt()));
        }
    }

    /*
     * Request bodies. They document the body only: the controllers read it as a map, so that every bad field is named
     * in one 422 and a change can tell a missing field from a null one (ADR 0019).
     */

    @Schema(name = "UserRequest")
    record UserRequest(
            @Schema(example = "12", description = "Optional on create: an id the account never used for a user") Long id,
            @Schema(example = "Ayşe Yılmaz", description = "Required on create") String name,
            @Schema(example = "Ayşe Yılmaz", nullable = true) String fullName,
            @Schema(example = "ayse@example.com", nullable = true, description = "Required with a password") String email,
            @Schema(example = "Support lead", nullable = true) String title,
            @Schema(example = "active", allowableValues = {"active", "inactive"}) String status,
            @Schema(example = "1", nullable = true) Long defaultNumberId,
            @Schema(example = "2", nullable = true) Long defaultExtensionId,
            @Schema(example = "agent", allowableValues = {"admin", "supervisor", "agent"}) String role,
            @Schema(example = "tr", nullable = true) String locale,
            @Schema(example = "correct horse battery", nullable = true, description = "At least 12 characters; the user"
                    + " then signs in with email and password; null removes the sign-in") String password,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs) {}

    @Schema(name = "TeamRequest")
    record TeamRequest(
            @Schema(example = "2", description = "Optional on create") Long id,
            @Schema(example = "Support queue", description = "Required on create") String name,
            @Schema(example = "ring_all", nullable = true) String strategy,
            @Schema(example = "5", nullable = true) Integer wrapUpTime,
            @Schema(example = "active", nullable = true) String state,
            @ArraySchema(arraySchema = @Schema(example = "[11, 12]", description = "User ids; a change replaces them"))
            List<Long> members,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs) {}

    /** {@code {"data": [user ids]}}: a team's members, in order. */
    @Schema(name = "TeamMembersAnswer")
    record MembersView(
            @ArraySchema(arraySchema = @Schema(example = "[11, 12]", description = "User ids, in order")) List<Long> data) {}

    @Schema(name = "TeamMembers")
    record MembersRequest(
            @ArraySchema(arraySchema = @Schema(example = "[11, 12]", description = "User ids, in order")) List<Long> members) {}

    @Schema(name = "NumberRequest")
    record NumberRequest(
            @Schema(example = "3", description = "Optional on create") Long id,
            @Schema(example = "Support line", description = "Required on create") String name,
            @Schema(example = "+908502010000", description = "Required on create: E.164, or national in the account's"
                    + " default_region") String number,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs) {}

    @Schema(name = "GreetingRequest")
    record GreetingRequest(
            @Schema(example = "4", description = "Optional on create") Long id,
            @Schema(example = "Welcome menu", description = "Required on create") String name,
            @Schema(example = "smart_ivr", allowableValues = {"greeting", "smart_ivr", "external_manager", "speed_dial"},
                    description = "Default greeting") String kind,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs) {}

    @Schema(name = "ExtensionRequest")
    record ExtensionRequest(
            @Schema(example = "5", description = "Optional on create") Long id,
            @Schema(example = "1001", description = "Required on create; unique among the account's extensions") String number,
            @Schema(example = "user", allowableValues = {"user", "team", "greeting"}, description = "Required on create")
            String targetType,
            @Schema(example = "11", description = "Required on create: an id of the account of that type") Long targetId,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs) {}

    @Schema(name = "VoicemailBoxRequest")
    record VoicemailBoxRequest(
            @Schema(example = "6", description = "Optional on create") Long id,
            @Schema(example = "Ayşe's voicemail", description = "Required on create") String name,
            @Schema(example = "user", allowableValues = {"user", "account"}, description = "Required on create") String type,
            @Schema(example = "11", nullable = true, description = "Required when type is user, null otherwise") Long userId,
            @ArraySchema(schema = @Schema(implementation = ExternalRefView.class)) List<ExternalRefView> externalRefs) {}

    @Schema(name = "ExternalRefRequest")
    record RefRequest(
            @Schema(example = "user", allowableValues = {"user", "team", "number", "greeting", "voicemail_box"})
            String resourceType,
            @Schema(example = "freeswitch") String source,
            @Schema(example = "1001@pbx.example") String ref,
            @Schema(example = "Extension 1001", nullable = true, description = "The name of a new entry; default: the"
                    + " kind and the ref") String name) {}
}
