package dev.leverage.index;

import dev.leverage.extract.Mention;
import dev.leverage.extract.people.Person;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words to show for a hit the highlighter could not mark: a page found by a filter alone (person:Keel,
 * type:lab_report, a Bates number). For a person filter, the first place the page names the person, however
 * written; else the page's opening words.
 */
final class Snippets {
    private static final Pattern PERSON = Pattern.compile("(?i)\\b(?:person|witness|officer|name):(\"[^\"]+\"|\\S+)");
    private static final int WIDTH = 200;

    private Snippets() {
    }

    static String fallback(String text, String query, CaseCast cast, String pageKey) {
        Matcher m = PERSON.matcher(query);
        List<String> forms = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1).replace("\"", "");
            for (Person p : cast.lookup(name)) {
                if (!cast.pagesOf(p.key()).contains(pageKey)) continue;
                for (Mention x : cast.mentionsOn(pageKey)) if (p.key().equals(cast.registry().keyOf(x))) forms.add(x.text());
                forms.addAll(p.aliases());
            }
        }
        forms.sort(Comparator.comparingInt(String::length).reversed());
        String lower = text.toLowerCase(Locale.ROOT);
        for (String f : forms) {
            int at = lower.indexOf(f.toLowerCase(Locale.ROOT));
            if (at < 0) continue;
            int from = Math.max(0, at - WIDTH / 3), to = Math.min(text.length(), at + f.length() + WIDTH / 2);
            return (from > 0 ? "… " : "") + text.substring(from, at) + "«" + text.substring(at, at + f.length()) + "»"
                    + text.substring(at + f.length(), to) + (to < text.length() ? " …" : "");
        }
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() > WIDTH ? t.substring(0, WIDTH) + " …" : t;
    }
}
