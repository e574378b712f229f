package io.callrecords.calls;

import io.callrecords.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What people write on calls as it goes over the wire (directory.md "What people write on calls"; Hipcall's
 * comment and tag objects carry {@code resource_type}). The request records document bodies that the controllers
 * read as maps, so that one 422 names every bad field.
 */
final class NotesApiTypes {

    private NotesApiTypes() {}

    @Schema(name = "CommentAuthor", description = "The directory user who wrote it")
    record Author(@Schema(example = "11") long id,
                  @Schema(example = "Ayşe Yılmaz", nullable = true, description = "Null when the directory has no such"
                          + " user; \"(deleted)\" follows the name of a deleted one") String name) {

        static Author of(Long id, String name) {
            return id == null ? null : new Author(id, name);
        }
    }

    @Schema(name = "CallComment")
    record CommentView(
            @Schema(example = "comment") String resourceType,
            @Schema(example = "8") long id,
            @Schema(nullable = true, description = "Null when written with an account's API key") Author user,
            @Schema(example = "Customer asked for a quote; call back Friday.") String content,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt) {

        static CommentView of(CallComments.Comment c) {
            return new CommentView("comment", c.id(), Author.of(c.userId(), c.userName()), c.content(),
                    Timestamps.wire(c.createdAt()), Timestamps.wire(c.updatedAt()));
        }
    }

    @Schema(name = "Tag")
    record TagView(
            @Schema(example = "tag") String resourceType,
            @Schema(example = "3") long id,
            @Schema(example = "VIP") String name,
            @Schema(example = "#025196", pattern = "^#[0-9a-f]{6}$") String color,
            @Schema(example = "Customers with a support contract", nullable = true) String description,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt) {

        static TagView of(Tags.Tag t) {
            return new TagView("tag", t.id(), t.name(), t.color(), t.description(), Timestamps.wire(t.createdAt()),
                    Timestamps.wire(t.updatedAt()));
        }
    }

    @Schema(name = "Disposition")
    record DispositionView(
            @Schema(example = "disposition") String resourceType,
            @Schema(example = "5") long id,
            @Schema(example = "sale") String code,
            @Schema(example = "Sale closed") String name,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt) {

        static DispositionView of(Dispositions.Disposition d) {
            return new DispositionView("disposition", d.id(), d.code(), d.name(), Timestamps.wire(d.createdAt()),
                    Timestamps.wire(d.updatedAt()));
        }
    }

    @Schema(name = "CallDisposition", description = "The disposition a call was given, by whom and when")
    record CallDispositionView(
            @Schema(example = "5", description = "The disposition's id") long id,
            @Schema(example = "sale") String code,
            @Schema(example = "Sale closed") String name,
            @Schema(nullable = true, description = "Null when set with an account's API key") Author user,
            @Schema(example = "2026-03-26T09:35:10Z", format = "date-time") String setAt) {

        static CallDispositionView of(CallDispositions.Given g) {
            return new CallDispositionView(g.disposition().id(), g.disposition().code(), g.disposition().name(),
                    Author.of(g.userId(), g.userName()), Timestamps.wire(g.setAt()));
        }
    }

    record Meta(@Schema(example = "42", description = "The number of all matches") long count,
                @Schema(example = "0") int offset, @Schema(example = "10") int limit) {}

    record CommentBody(CommentView data) {}

    record CommentsBody(List<CommentView> data, Meta meta) {}

    record TagBody(TagView data) {}

    record TagsBody(List<TagView> data, Meta meta) {}

    record CallTagsBody(List<TagView> data) {}

    record DispositionBody(DispositionView data) {}

    record DispositionsBody(List<DispositionView> data, Meta meta) {}

    record CallDispositionBody(@Schema(nullable = true, description = "Null when the call has no disposition")
                               CallDispositionView data) {}

    @Schema(name = "CommentRequest")
    record CommentRequest(@Schema(example = "Customer asked for a quote; call back Friday.",
            requiredMode = Schema.RequiredMode.REQUIRED, description = "1 to 5000 characters, not only blanks")
                          String content) {}

    @Schema(name = "TagRequest", description = "A new tag, or a change (any subset)")
    record TagRequest(
            @Schema(example = "VIP", description = "Unique in the account, whatever its case; 1 to 100 characters")
            String name,
            @Schema(example = "#025196", description = "#rrggbb; #6b7280 when a new tag has none") String color,
            @Schema(example = "Customers with a support contract", nullable = true) String description) {}

    @Schema(name = "CallTagRequest")
    record CallTagRequest(@Schema(example = "3", requiredMode = Schema.RequiredMode.REQUIRED,
            description = "One of the account's tags") Long tagId) {}

    @Schema(name = "DispositionRequest", description = "A new disposition code, or a change (any subset)")
    record DispositionRequest(
            @Schema(example = "sale", description = "Unique in the account; 1 to 64 letters, digits, _ . : -") String code,
            @Schema(example = "Sale closed", description = "1 to 100 characters") String name) {}

    @Schema(name = "CallDispositionRequest", description = "disposition_code or disposition_id, not both")
    record CallDispositionRequest(@Schema(example = "sale", nullable = true) String dispositionCode,
                                  @Schema(example = "5", nullable = true) Long dispositionId) {}
}
