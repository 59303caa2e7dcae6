package dev.leverage.extract.people;

import dev.leverage.extract.Mention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cast of a case: person mentions from every document resolved to people. "Deputy Morgan Keel",
 * "Dep. M. Keel #2217", "M. KEEL Badge 2217" and "Keel" become one person; "Dale Keel" the tow driver stays
 * another. Resolution works within a surname: full given names and badge numbers separate people, initials
 * and bare surnames join the one person they fit (an officer's title picks the officer).
 */
public final class PersonRegistry {
    private final List<Person> people;
    private final Map<Mention, String> keyOf;

    private PersonRegistry(List<Person> people, Map<Mention, String> keyOf) {
        this.people = people;
        this.keyOf = keyOf;
    }

    private static final class Cluster {
        final List<Mention> mentions = new ArrayList<>();
        final List<PersonName> names = new ArrayList<>();
        String given = "";
        String suffix = "";
        String badge;
        boolean officer;
        final java.util.Set<String> ranks = new java.util.HashSet<>();

        void add(Mention m, PersonName n) {
            mentions.add(m);
            names.add(n);
            if (n.hasFullGiven() && given.length() <= 1) given = n.given();
            else if (given.isEmpty() && !n.given().isEmpty()) given = n.given();
            if (badge == null && m.badge() != null) badge = m.badge();
            if (suffix.isEmpty()) suffix = n.suffix();
            if (Roles.has(m.role(), "officer") || isOfficialTitle(n.title())) officer = true;
            String r = rank(n.title());
            if (r != null) ranks.add(r);
        }

        boolean fits(PersonName n, String badge) {
            if (!n.suffix().isEmpty() && !suffix.isEmpty() && !n.suffix().equals(suffix)) return false;
            if (badge != null && this.badge != null) return badge.equals(this.badge);
            if (n.given().isEmpty() || given.isEmpty()) return true;
            return new PersonName("", given, n.surname(), suffix).compatible(n);
        }
    }

    /** The rank a title names, however abbreviated ("Sgt." and "Sergeant" are one), or null. */
    static String rank(String title) {
        if (title == null || title.isBlank()) return null;
        String t = title.toLowerCase(Locale.ROOT).replace(".", "").replace('0', 'o').strip();
        String last = t.substring(t.lastIndexOf(' ') + 1);
        return switch (last) {
            case "deputy", "dep" -> "deputy";
            case "officer", "ofc", "po", "ptl", "patrolman", "ofcr" -> t.contains("task force") ? "tfo" : "officer";
            case "sergeant", "sgt", "ssg", "sfc", "msg" -> "sergeant";
            case "trooper", "tpr", "tfc", "trp" -> "trooper";
            case "detective", "det" -> "detective";
            case "corporal", "cpl" -> "corporal";
            case "lieutenant", "lt" -> "lieutenant";
            case "captain", "capt", "cpt" -> "captain";
            case "agent", "sa", "s/a" -> "agent";
            case "tfo" -> "tfo";
            case "mr" -> "mr";
            case "ms", "mrs" -> "ms";
            case "chemist", "criminalist", "analyst", "scientist" -> "lab";
            case "judge", "hon", "magistrate" -> "judge";
            default -> null;
        };
    }

    private static boolean isOfficialTitle(String title) {
        return !title.isEmpty() && !title.toLowerCase(Locale.ROOT).matches("(mr|ms|mrs|dr)\\.?");
    }

    /** Resolves person mentions (type "person") into people. */
    public static PersonRegistry resolve(List<Mention> mentions) {
        Map<String, List<Mention>> bySurname = new LinkedHashMap<>();
        Map<Mention, PersonName> parsed = new HashMap<>();
        for (Mention m : mentions) {
            if (!"person".equals(m.type())) continue;
            PersonName n = PersonName.parse(m.text());
            if (n.surname().length() < 2) continue;
            parsed.put(m, n);
            bySurname.computeIfAbsent(n.surnameKey(), k -> new ArrayList<>()).add(m);
        }
        List<Person> people = new ArrayList<>();
        Map<Mention, String> keyOf = new HashMap<>();
        for (List<Mention> group : bySurname.values()) {
            List<Cluster> clusters = new ArrayList<>();
            // Most specific first: full given names with badges, full given names, initials, bare surnames.
            List<Mention> ordered = new ArrayList<>(group);
            ordered.sort(Comparator.comparingInt((Mention m) -> specificity(parsed.get(m), m)).reversed());
            for (Mention m : ordered) {
                PersonName n = parsed.get(m);
                List<Cluster> fitting = clusters.stream().filter(c -> c.fits(n, m.badge())).toList();
                Cluster target;
                if (fitting.size() == 1) {
                    target = fitting.get(0);
                } else if (fitting.isEmpty()) {
                    target = n.given().isEmpty() && m.badge() == null && !clusters.isEmpty() ? largest(clusters) : new Cluster();
                    if (!clusters.contains(target)) clusters.add(target);
                } else if (n.title().isEmpty() && (m.role() == null || m.role().isBlank())) {
                    // A bare surname says nothing of who: the person its own document talks about most.
                    target = fitting.stream().max(Comparator.comparingLong((Cluster c) -> c.mentions.stream()
                            .filter(x -> x.source().document().equals(m.source().document())).count())
                            .thenComparingInt(c -> c.mentions.size())).orElseThrow();
                } else {
                    boolean official = isOfficialTitle(n.title()) || Roles.has(m.role(), "officer");
                    // "Sgt. Kane" is the Kane the papers call sergeant, not his son the officer
                    String r = rank(n.title());
                    List<Cluster> byRank = r == null ? List.of() : fitting.stream().filter(c -> c.ranks.contains(r)).toList();
                    List<Cluster> byRole = fitting.stream().filter(c -> c.officer == official).toList();
                    target = largest(!byRank.isEmpty() ? byRank : byRole.isEmpty() ? fitting : byRole);
                }
                target.add(m, n);
            }
            for (Cluster c : clusters) {
                Person p = toPerson(c);
                people.add(p);
                for (Mention m : c.mentions) keyOf.put(m, p.key());
            }
        }
        people.sort(Comparator.comparingInt(Person::mentions).reversed().thenComparing(Person::name));
        return new PersonRegistry(List.copyOf(people), keyOf);
    }

    private static int specificity(PersonName n, Mention m) {
        return (n.hasFullGiven() ? 4 : n.given().isEmpty() ? 0 : 2) + (m.badge() != null ? 1 : 0) + (n.suffix().isEmpty() ? 0 : 1);
    }

    private static Cluster largest(List<Cluster> cs) {
        return cs.stream().max(Comparator.comparingInt(c -> c.mentions.size())).orElseThrow();
    }

    private static Person toPerson(Cluster c) {
        PersonName best = c.names.stream().max(Comparator.comparingInt((PersonName n) -> n.given().length())).orElseThrow();
        String surname = best.surname();
        String given = c.given;
        String name = new PersonName("", given, surname, c.suffix).display();
        String key = (surname + (given.isEmpty() ? "" : "-" + given) + (c.suffix.isEmpty() ? "" : "-" + c.suffix)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        Map<String, Long> roleCounts = c.mentions.stream().map(Mention::role).filter(Objects::nonNull)
                .flatMap(r -> List.of(r.split(",")).stream()).filter(r -> !r.isBlank())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        List<String> roles = roleCounts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        // An officer is not also the defendant or a witness because a sentence near his name said "arrested".
        if (roles.contains("officer")) roles = roles.stream().filter(r -> !r.equals("defendant") && !r.equals("witness")).toList();
        Set<String> aliases = new LinkedHashSet<>();
        for (Mention m : c.mentions) aliases.add(m.text().strip());
        String title = c.names.stream().map(PersonName::title).filter(t -> !t.isEmpty())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        return new Person(key, name, title, roles, List.copyOf(aliases), c.badge, c.mentions.size());
    }

    public List<Person> people() {
        return people;
    }

    /** The key of the person a mention was resolved to, or null. */
    public String keyOf(Mention m) {
        return keyOf.get(m);
    }

    /**
     * People a user's query names: "Keel", "Morgan Keel", "Dep. M. Keel", a badge number "2217" or "#2217".
     * A bare surname shared by two people returns both.
     */
    public List<Person> lookup(String query) {
        String q = query.strip();
        String digits = q.replaceAll("(?i)^(badge\\s*)?#?\\s*", "");
        if (digits.matches("\\d{2,6}")) {
            return people.stream().filter(p -> digits.equals(p.badge())).toList();
        }
        PersonName n = PersonName.parse(q);
        List<Person> out = new ArrayList<>();
        for (Person p : people) {
            PersonName pn = PersonName.parse(p.name());
            if (pn.compatible(n) || p.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(q))) out.add(p);
        }
        return out;
    }
}
