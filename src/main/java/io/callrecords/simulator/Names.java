package io.callrecords.simulator;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Names for the people and companies of the simulated center and its address book: plausible, and repeatable. */
final class Names {

    private static final List<String> FIRST = List.of("Ayşe", "Mehmet", "Fatma", "Ahmet", "Zeynep", "Mustafa", "Elif",
            "Emre", "Can", "Deniz", "Burak", "Selin", "Hakan", "Merve", "Cem", "Ece", "Kerem", "Gizem", "Murat", "Derya",
            "Oğuz", "Büşra", "İlker", "Şule", "Tolga", "Pınar", "Serkan", "Çağla", "Barış", "Nur");
    private static final List<String> LAST = List.of("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım",
            "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
            "Şimşek", "Polat", "Erdoğan", "Güneş", "Aksoy", "Tekin", "Bulut", "Ünal", "Korkmaz", "Acar", "Tuncer");
    private static final List<String> COMPANY_FIRST = List.of("Anadolu", "Boğaziçi", "Ege", "Marmara", "Karadeniz",
            "Toros", "Kapadokya", "Akdeniz", "Galata", "Pera", "Nova", "Atlas", "Zirve", "Delta", "Vega", "Fırat",
            "Dicle", "Uludağ", "Erciyes", "Kaçkar");
    private static final List<String> COMPANY_TRADE = List.of("Lojistik", "Tekstil", "Yazılım", "Gıda", "İnşaat",
            "Enerji", "Turizm", "Medikal", "Otomotiv", "Mobilya", "Danışmanlık", "Kimya");
    private static final List<String> COMPANY_FORM = List.of("A.Ş.", "Ltd. Şti.");

    private Names() {}

    /** The n-th person (n from 1): every combination of first and last name once before any repeats. */
    static String person(int n) {
        int i = n - 1;
        String name = FIRST.get(i % FIRST.size()) + " " + LAST.get((i / FIRST.size() + i) % LAST.size());
        int round = i / (FIRST.size() * LAST.size());
        return round == 0 ? name : name + " " + (round + 1);
    }

    /** The n-th company (n from 1), unique for any n. */
    static String company(int n) {
        int i = n - 1;
        int combos = COMPANY_FIRST.size() * COMPANY_TRADE.size();
        String name = COMPANY_FIRST.get(i % COMPANY_FIRST.size()) + " "
                + COMPANY_TRADE.get((i / COMPANY_FIRST.size()) % COMPANY_TRADE.size());
        if (i >= combos) {
            name += " " + (i / combos + 1);
        }
        return name + " " + COMPANY_FORM.get(i % COMPANY_FORM.size());
    }

    /** {@code ayse.yilmaz3@example.com}: the name in plain ASCII, numbered so that addresses are unique. */
    static String email(String person, int n) {
        String ascii = Normalizer.normalize(person.replace('ı', 'i').replace('İ', 'I'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").trim();
        return ascii.replace(' ', '.') + n + "@example.com";
    }
}
