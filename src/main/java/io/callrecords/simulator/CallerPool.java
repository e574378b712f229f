package io.callrecords.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The outside world of the simulated center: the people and companies who call it and whom it calls,
 * the part of them that is in its address book, and the spammers on its denylist.
 *
 * <p>It depends on the center's size only, never on the traffic seed: the address book is created once
 * per account and must still match when traffic with another seed is sent later.
 *
 * @param companies          address-book companies, each with its switchboard number
 * @param contacts           address-book contacts, some of them working for one of the companies
 * @param callers            every number that calls or is called, with how often it does
 * @param denylistedNumbers  exact numbers on the denylist
 * @param denylistedPrefix   a denylisted prefix ending in {@code *} (premium-rate numbers)
 */
public record CallerPool(List<Company> companies, List<Contact> contacts, List<Caller> callers,
                         List<String> denylistedNumbers, String denylistedPrefix) {

    public record Company(String name, String number) {}

    /** @param company index into {@link #companies()}, or -1 */
    public record Contact(String name, String email, int company, String number) {}

    /** A number and what the address book knows about it. */
    public record Caller(String number, Party party, double weight) {}

    /** What the service should match a number to (call-records.md §3.9): its {@code related_type}, or nothing. */
    public enum Party {
        CONTACT, COMPANY, UNKNOWN;

        /** The {@code related_type} the record should carry, or null. */
        public String relatedType() {
            return this == UNKNOWN ? null : name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String[] MOBILE_PREFIXES = {"530", "532", "533", "535", "536", "537", "538", "539", "541",
            "542", "543", "544", "545", "546", "505", "506", "507", "551", "552", "553", "554", "555"};
    private static final String[] AREA_CODES = {"212", "216", "312", "232", "224", "242"};

    public CallerPool {
        companies = List.copyOf(companies);
        contacts = List.copyOf(contacts);
        callers = List.copyOf(callers);
        denylistedNumbers = List.copyOf(denylistedNumbers);
    }

    /** Sixty outside numbers per agent: a tenth companies, close to half contacts, the rest strangers. */
    static CallerPool of(int agents) {
        Draw draw = new Draw(0x5eedL * 31 + agents);
        int size = Math.max(60, 60 * agents);
        Set<String> used = new LinkedHashSet<>();
        List<Company> companies = new ArrayList<>();
        List<Contact> contacts = new ArrayList<>();
        List<Caller> callers = new ArrayList<>();
        int companyCount = Math.max(2, size / 10);
        for (int i = 1; i <= companyCount; i++) {
            String number = unique(used, () -> landline(draw));
            companies.add(new Company(Names.company(i), number));
            callers.add(new Caller(number, Party.COMPANY, 1.5));
        }
        int contactCount = size * 45 / 100;
        for (int i = 1; i <= contactCount; i++) {
            String number = unique(used, () -> mobile(draw));
            String name = Names.person(i);
            int company = draw.chance(0.4) ? draw.index(companies.size()) : -1;
            contacts.add(new Contact(name, draw.chance(0.6) ? Names.email(name, i) : null, company, number));
            callers.add(new Caller(number, Party.CONTACT, 2.0));
        }
        while (callers.size() < size) {
            callers.add(new Caller(unique(used, () -> mobile(draw)), Party.UNKNOWN, 1.0));
        }
        List<String> denylisted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            denylisted.add(unique(used, () -> mobile(draw)));
        }
        return new CallerPool(companies, contacts, callers, denylisted, "+90888*");
    }

    /** The denylist of the settings: the exact numbers and the prefix. */
    public List<String> denylist() {
        List<String> out = new ArrayList<>(denylistedNumbers);
        out.add(denylistedPrefix);
        return out;
    }

    /** A spam number: one of the listed ones, or any premium-rate number under the prefix. */
    String denylistedCaller(Draw draw) {
        if (draw.chance(0.5)) {
            return draw.pick(denylistedNumbers);
        }
        return denylistedPrefix.replace("*", "") + (2_000_000 + draw.index(7_000_000));
    }

    static String mobile(Draw draw) {
        return "+90" + MOBILE_PREFIXES[draw.index(MOBILE_PREFIXES.length)] + (2_000_000 + draw.index(7_000_000));
    }

    private static String landline(Draw draw) {
        return "+90" + AREA_CODES[draw.index(AREA_CODES.length)] + (2_000_000 + draw.index(7_000_000));
    }

    private static String unique(Set<String> used, java.util.function.Supplier<String> next) {
        String number;
        do {
            number = next.get();
        } while (!used.add(number));
        return number;
    }

    /** {@code 0532 123 45 67}: how a number often arrives from a platform set to national format. */
    static String national(String e164) {
        String digits = e164.substring(3);
        return "0" + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6, 8) + " "
                + digits.substring(8);
    }
}
