package dev.leverage.extract.people;

import dev.leverage.extract.Prefilter;
import dev.leverage.extract.Citation;
import dev.leverage.extract.Mention;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Uses of a person's surname in documents that never name them in full: the CAD log's "CRUZ", the follow-up
 * report's "Okoye". A document is read alone, so it cannot know that "Cruz" is a name; the case can, once some
 * document has named Andres M. Cruz. Each such use becomes a mention of its own (origin "case"), which the
 * registry then places like any bare surname: with the one person of that name, or unresolved.
 */
public final class CaseMentions {
    /** A page's text where the case's known surnames are looked for. */
    public record PageText(String document, int page, String bates, String text) {
    }

    private CaseMentions() {
    }

    /** The surnames the case has introduced with a full given name (three letters or more, not a form word). */
    public static Set<String> surnames(List<Mention> mentions) {
        Set<String> out = new LinkedHashSet<>();
        for (Mention m : mentions) {
            if (!"person".equals(m.type())) continue;
            PersonName n = PersonName.parse(m.text());
            if (!n.hasFullGiven() || n.surname().length() < 3 || n.surname().startsWith("CI-") || PersonRules.notName(n.surname())
                    || PersonName.isTitle(n.surname()) || Prefilter.matches(n.surname(), ".*\\d.*")) continue;
            out.add(n.surname().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Nicknames the case has declared ('known as "Buzz"'), as written. */
    public static Set<String> nicknames(List<Mention> mentions) {
        Set<String> out = new LinkedHashSet<>();
        for (Mention m : mentions) if ("person".equals(m.type()) && "nickname".equals(m.role())) out.add(m.text().strip());
        return out;
    }

    /** Mentions of known surnames and nicknames on these pages where no mention stands already. */
    public static List<Mention> laterUses(List<Mention> mentions, List<PageText> pages) {
        Set<String> surnames = surnames(mentions);
        Set<String> nicknames = nicknames(mentions);
        List<Mention> out = new ArrayList<>();
        if (surnames.isEmpty() && nicknames.isEmpty()) return out;
        java.util.Map<String, List<Mention>> byPage = new java.util.HashMap<>();
        for (Mention m : mentions) {
            if ("person".equals(m.type())) byPage.computeIfAbsent(m.source().document() + "#" + m.source().page(), k -> new ArrayList<>()).add(m);
        }
        for (PageText p : pages) {
            List<Mention> here = byPage.getOrDefault(p.document() + "#" + p.page(), List.of());
            for (String nick : nicknames) {
                if (!p.text().contains(nick)) continue;
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\p{L}])" + java.util.regex.Pattern.quote(nick) + "(?![\\p{L}])").matcher(p.text());
                while (m.find()) {
                    int at = m.start(), end = m.end();
                    boolean taken = here.stream().anyMatch(x -> x.end() > x.start() && x.start() < end && at < x.end());
                    if (!taken) out.add(new Mention("person", nick, null, "nickname", null, new Citation(p.document(), p.page(), p.bates(), lineAt(p.text(), at)),
                            at, end, "case"));
                }
            }
            for (PersonRules.Found f : PersonRules.uses(p.text(), surnames)) {
                boolean taken = false;
                for (Mention m : here) {
                    String mt = m.text().strip().toLowerCase(Locale.ROOT);
                    boolean overlaps = m.end() > m.start() ? m.start() < f.end() && f.start() < m.end()
                            // a mention read from a table has no offsets: the same surname on the same line is the same mention
                            : lineAt(p.text(), f.start()).toLowerCase(Locale.ROOT).contains(mt)
                            && PersonName.parse(m.text()).surnameKey().equals(PersonName.parse(f.text()).surnameKey());
                    if (overlaps) {
                        taken = true;
                        break;
                    }
                }
                if (taken) continue;
                PersonName n = PersonName.parse(f.text());
                out.add(new Mention("person", f.text(), n.display(), null, null, new Citation(p.document(), p.page(), p.bates(), lineAt(p.text(), f.start())),
                        f.start(), f.end(), "case"));
            }
        }
        return out;
    }

    private static String lineAt(String text, int at) {
        int from = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int to = text.indexOf('\n', at);
        String line = text.substring(from, to < 0 ? text.length() : to).strip();
        return line.isEmpty() ? text.strip() : line;
    }
}
