package io.callrecords.reports;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.Caller;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The summary report for the pages: what {@code GET /api/v3/reports/summary} answers as JSON, read with its own
 * parameters, rules and messages, so that the dashboard and the API never disagree on a number.
 */
@Service
public class SummaryReports {

    private final ReportSummary summary;
    private final AccountSettingsService settings;
    private final Clock clock;

    SummaryReports(ReportSummary summary, AccountSettingsService settings, Clock clock) {
        this.summary = summary;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What the API answers in {@code data} for the API's parameters ({@code from}, {@code to}, {@code timezone},
     * {@code sl_seconds}, {@code group_by}), the account's time zone unless one is named.
     *
     * @throws io.callrecords.shared.ValidationException naming every bad parameter, as the API's 422 does
     */
    public SummaryView summary(Caller caller, MultiValueMap<String, String> parameters) {
        long accountId = caller.accountId();
        ReportRequest request = ReportRequest.read(parameters, settings.current(accountId).settings().timezone(),
                clock.instant());
        return SummaryRendering.view(summary.summarise(accountId, caller.ownCallsOnly(), request));
    }

    /**
     * Today's summary in the account's time zone, as {@link #summary} answers it without parameters (the wallboard's
     * tiles, every few seconds): for everyone but an agent read in one statement, not a transaction of five.
     */
    public SummaryView today(Caller caller) {
        LinkedMultiValueMap<String, String> none = new LinkedMultiValueMap<>();
        long accountId = caller.accountId();
        ReportRequest request = ReportRequest.read(none, settings.current(accountId).settings().timezone(),
                clock.instant());
        Optional<DayRollups.Days> days = DayRollups.wholeDays(request);
        if (caller.ownCallsOnly() != null || days.isEmpty()) {
            return SummaryRendering.view(summary.summarise(accountId, caller.ownCallsOnly(), request));
        }
        return SummaryRendering.view(summary.wholeDays(accountId, request, days.get()));
    }
}
