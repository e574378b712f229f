package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.calls.CallRecord;
import io.callrecords.calls.CallRecords;
import io.callrecords.directory.Directory;
import io.callrecords.media.MediaFetches;
import io.callrecords.media.MediaKind;
import io.callrecords.people.DirectoryNames;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.PathUuids;
import io.callrecords.shared.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;

/**
 * One call: its record in words, its flow as a timeline, its audio, and the calls a callback links it to. A call of
 * another account, and an address that is no call's, are the same "not found" page: the page says nothing of which.
 */
@Controller
class CallDetailController {

    private final CallRecords records;
    private final PageModel pages;
    private final CallNotesSection notes;
    private final DirectoryNames directoryNames;
    private final Directory addressBook;
    private final MediaFetches fetches;

    CallDetailController(CallRecords records, PageModel pages, CallNotesSection notes, DirectoryNames directoryNames,
                         Directory addressBook, MediaFetches fetches) {
        this.records = records;
        this.pages = pages;
        this.notes = notes;
        this.directoryNames = directoryNames;
        this.addressBook = addressBook;
        this.fetches = fetches;
    }

    @GetMapping("/calls/{uuid}")
    String detail(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String uuid,
                  Model model) {
        return page(session, parse(uuid), model);
    }

    /** The page of the call, with what people wrote on it (also when a form of that section comes back to it). */
    String page(PageSession session, UUID call, Model model) {
        long account = session.caller().accountId();
        CallRecord record = records.find(session.caller(), call).orElseThrow(ApiException::notFound);
        model.addAttribute("call", CallDetail.of(record, records.returnedBy(session.caller(), call), pages.zone(session),
                directoryNames.of(account, CallNames.wanted(List.of(record))), AddressBookWords.of(record,
                        addressBook.names(account, ids(record.contactId()), ids(record.companyId())))));
        model.addAttribute("notes", notes.view(session, call));
        model.addAttribute("fetchProblems", fetchProblems(account, call, record));
        return "call";
    }

    /**
     * Why audio a platform named is missing (a mirrored Hipcall record's expired link, a PBX's recording the service
     * could not reach), in words; only for the kinds the call has no audio of. The link's host only: its path and
     * query may carry the platform's signature.
     */
    private List<String> fetchProblems(long account, UUID call, CallRecord record) {
        return fetches.failedFor(account, call).stream()
                .filter(f -> (f.kind() == MediaKind.RECORDING ? record.recordUrl() : record.voicemailUrl()) == null)
                .map(f -> "The " + f.kind().wire() + " could not be fetched from " + host(f.sourceUrl()) + ": "
                        + f.error())
                .toList();
    }

    private static String host(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "its address" : host;
        } catch (IllegalArgumentException e) {
            return "its address";
        }
    }

    private static List<Long> ids(Long id) {
        return Stream.of(id).filter(Objects::nonNull).toList();
    }

    /** A malformed uuid names no call: for a person it is a page that does not exist, not a form error. */
    private static UUID parse(String uuid) {
        try {
            return PathUuids.parse(uuid);
        } catch (ValidationException e) {
            throw ApiException.notFound();
        }
    }
}
