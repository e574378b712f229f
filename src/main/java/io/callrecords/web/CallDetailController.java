package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.calls.CallRecord;
import io.callrecords.calls.CallRecords;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.PathUuids;
import io.callrecords.shared.ValidationException;
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

    CallDetailController(CallRecords records, PageModel pages) {
        this.records = records;
        this.pages = pages;
    }

    @GetMapping("/calls/{uuid}")
    String detail(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String uuid,
                  Model model) {
        UUID call = parse(uuid);
        CallRecord record = records.find(session.caller(), call).orElseThrow(ApiException::notFound);
        model.addAttribute("call", CallDetail.of(record, records.returnedBy(session.caller(), call), pages.zone(session)));
        return "call";
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
