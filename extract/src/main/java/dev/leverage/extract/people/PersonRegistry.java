package dev.leverage.extract.people;

import dev.leverage.extract.Prefilter;
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

    /** People by the key of their surname, and by each alias lower-cased: lookups touch only the people who can fit. */
    private final Map<String, List<Integer>> bySurnameKey = new java.util.HashMap<>();
    private final Map<String, List<Integer>> byAlias = new java.util.HashMap<>();
    private final List<PersonName> parsedNames = new ArrayList<>();

    private PersonRegistry(List<Person> people, Map<Mention, String> keyOf) {
        this.people = people;
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            PersonName pn = PersonName.parse(p.name());
            parsedNames.add(pn);
            bySurnameKey.computeIfAbsent(pn.surnameKey(), k -> new ArrayList<>()).add(i);
            for (String a : p.aliases()) byAlias.computeIfAbsent(a.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(i);
        }
        this.keyOf = keyOf;
    }

    private static final class Cluster {
        final List<Mention> mentions = new ArrayList<>();
        final List<PersonName> names = new ArrayList<>();
        String given = "";
        String suffix = "";
        String middle = "";
        String badge;
        boolean officer;
        /** bare surnames that could be any of several people of that name */
        boolean unresolved;
        final java.util.Set<String> ranks = new java.util.HashSet<>();
        /** mentions by document and page, and the documents: the near-mention questions stay cheap in big cases */
        final Map<String, List<Mention>> byPage = new HashMap<>();
        final Set<String> documents = new java.util.HashSet<>();
        boolean civilRole;

        void add(Mention m, PersonName n) {
            mentions.add(m);
            names.add(n);
            byPage.computeIfAbsent(m.source().document() + "#" + m.source().page(), k -> new ArrayList<>()).add(m);
            documents.add(m.source().document());
            if (m.role() != null) {
                for (String r : m.role().split(",")) {
                    if (List.of("defendant", "witness", "victim", "tow_operator", "owner", "driver", "passenger", "suspect", "arrestee").contains(r.strip())) civilRole = true;
                }
            }
            if (n.hasFullGiven() && given.length() <= 1) given = n.given();
            else if (given.isEmpty() && !n.given().isEmpty()) given = n.given();
            if (badge == null && m.badge() != null) badge = m.badge();
            if (suffix.isEmpty()) suffix = n.suffix();
            if (middle.isEmpty()) middle = n.middle();
            // an officer by rank or badge; a context word near a name ("arrested", "deputy") says too little
            if (isOfficialTitle(n.title()) && !rankIsCivil(n.title()) || m.badge() != null) officer = true;
            String r = rank(n.title());
            if (r != null) ranks.add(r);
        }

        /** A person the papers show as a civilian: called Mr./Ms., or a witness, defendant, victim, owner or driver, never an officer. */
        boolean civilian() {
            if (officer || badge != null) return false;
            return ranks.contains("mr") || ranks.contains("ms") || civilRole;
        }

        boolean fits(PersonName n, String badge) {
            if (!n.suffix().isEmpty() && !suffix.isEmpty() && !n.suffix().equals(suffix)) return false;
            // Mr. is not Mrs. or Ms.
            String r = rank(n.title());
            if ("mr".equals(r) && ranks.contains("ms") && !ranks.contains("mr") || "ms".equals(r) && ranks.contains("mr") && !ranks.contains("ms")) return false;
            if (badge != null && this.badge != null) return badgeKey(badge).equals(badgeKey(this.badge));
            if (n.given().isEmpty() || given.isEmpty()) return true;
            return new PersonName("", given, n.surname(), suffix, middle).compatible(n);
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
            case "ranger", "rgr" -> "ranger";
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

    private static boolean rankIsCivil(String title) {
        String r = rank(title);
        return "mr".equals(r) || "ms".equals(r);
    }

    private static boolean isOfficialTitle(String title) {
        return !title.isEmpty() && !Prefilter.matches(title.toLowerCase(Locale.ROOT), "(mr|ms|mrs|dr)\\.?");
    }

    /** Resolves person mentions (type "person") into people. */
    public static PersonRegistry resolve(List<Mention> mentions) {
        Map<String, List<Mention>> bySurname = new LinkedHashMap<>();
        Map<Mention, PersonName> parsed = new HashMap<>();
        List<Mention> nicknames = new ArrayList<>();
        for (Mention m : mentions) {
            if (!"person".equals(m.type())) continue;
            if ("nickname".equals(m.role())) {
                nicknames.add(m);
                continue;
            }
            PersonName n = PersonName.parse(m.text());
            if (n.surname().length() < 2) continue;
            parsed.put(m, n);
        }
        // A one-word mention that is some named person's given name and nobody's surname ("Gary") is that given name.
        Set<String> givenKeys = new java.util.HashSet<>(), surnameKeys = new java.util.HashSet<>(), allSurnames = new java.util.HashSet<>();
        for (PersonName n : parsed.values()) {
            allSurnames.add(n.surnameKey());
            if (n.hasFullGiven()) {
                givenKeys.add(PersonName.formalGiven(n.given()));
                surnameKeys.add(n.surnameKey());
            }
        }
        // "Rosa Alvarez Ruiz" is Rosa Alvarez-Ruiz when the case writes that surname joined
        for (var e : parsed.entrySet()) {
            PersonName n = e.getValue();
            if (n.middle().length() > 1 && allSurnames.contains(PersonName.fold(n.middle() + n.surname()))) {
                e.setValue(new PersonName(n.title(), n.given(), n.middle() + " " + n.surname(), n.suffix(), ""));
            }
        }
        List<Mention> givenOnly = new ArrayList<>();
        for (Mention m : mentions) {
            PersonName n = parsed.get(m);
            if (n == null) continue;
            if (n.given().isEmpty() && n.title().isEmpty() && m.badge() == null && givenKeys.contains(PersonName.formalGiven(n.surname())) && !surnameKeys.contains(n.surnameKey())
                    && Character.isLowerCase(n.surname().charAt(n.surname().length() - 1))
                    && (m.text().strip().equals(n.surname()) || !n.suffix().isEmpty() && m.text().strip().startsWith(n.surname()))) {
                givenOnly.add(m);
                continue;
            }
            bySurname.computeIfAbsent(n.surnameKey(), k -> new ArrayList<>()).add(m);
        }
        List<Person> people = new ArrayList<>();
        Set<String> usedKeys = new java.util.HashSet<>();
        Map<Mention, String> keyOf = new HashMap<>();
        for (List<Mention> group : bySurname.values()) {
            List<Cluster> clusters = new ArrayList<>();
            // Most specific first: full given names with badges, full given names, initials, bare surnames.
            List<Mention> ordered = new ArrayList<>(group);
            ordered.sort(Comparator.comparingInt((Mention m) -> specificity(parsed.get(m), m)).reversed());
            for (Mention m : ordered) {
                PersonName n = parsed.get(m);
                List<Cluster> fitting = clusters.stream().filter(c -> !c.unresolved && c.fits(n, m.badge())).toList();
                // a badge number written with the name settles who it is; so does a suffix or middle name written with it
                if (m.badge() != null && fitting.size() > 1) {
                    List<Cluster> sameBadge = fitting.stream().filter(c -> c.badge != null && badgeKey(m.badge()).equals(badgeKey(c.badge))).toList();
                    if (!sameBadge.isEmpty()) fitting = sameBadge;
                }
                if (!n.suffix().isEmpty() && fitting.size() > 1) {
                    List<Cluster> same = fitting.stream().filter(c -> n.suffix().equals(c.suffix)).toList();
                    if (!same.isEmpty()) fitting = same;
                }
                if (!n.middle().isEmpty() && fitting.size() > 1) {
                    List<Cluster> same = fitting.stream().filter(c -> !c.middle.isEmpty() && Character.toLowerCase(c.middle.charAt(0)) == Character.toLowerCase(n.middle().charAt(0))).toList();
                    if (!same.isEmpty()) fitting = same;
                }
                Cluster target;
                String policeRank = rank(n.title());
                boolean official = policeRank != null && !List.of("mr", "ms", "lab", "judge").contains(policeRank);
                if (fitting.size() == 1 && official && fitting.get(0).civilian()) {
                    // "Officer O'Neal" is not Ms. Brenda O'Neal the witness because no other O'Neal was named in full
                    target = new Cluster();
                    clusters.add(target);
                } else if (fitting.size() == 1) {
                    target = fitting.get(0);
                } else if (fitting.isEmpty()) {
                    target = n.given().isEmpty() && m.badge() == null && !clusters.isEmpty() ? largest(clusters) : new Cluster();
                    if (!clusters.contains(target)) clusters.add(target);
                } else if (n.given().isEmpty() && n.title().isEmpty() && m.badge() == null) {
                    // A bare surname says nothing of who: the person its page named last before it (a writer who
                    // has just named "Kathleen Morrison" means her by "Morrison"), else the one its document names most.
                    // When nothing near says which, it stays unresolved rather than be pinned on the wrong person.
                    // a role read from a CAD or log column is reliable: the unit's officer is an officer
                    if ("table".equals(m.origin()) && Roles.has(m.role(), "officer")) {
                        List<Cluster> officers = fitting.stream().filter(c -> c.officer).toList();
                        if (!officers.isEmpty()) fitting = officers;
                    }
                    Cluster recent = nearestBefore(fitting, m);
                    List<Cluster> inDocument = fitting.stream().filter(c -> c.documents.contains(m.source().document())).toList();
                    if (fitting.size() == 1) {
                        target = fitting.get(0);
                    } else if (recent != null) {
                        target = recent;
                    } else if (inDocument.size() == 1) {
                        // the only one of that name its own document names
                        target = inDocument.get(0);
                    } else {
                        target = clusters.stream().filter(c -> c.unresolved).findFirst().orElse(null);
                        if (target == null) {
                            target = new Cluster();
                            target.unresolved = true;
                            clusters.add(target);
                        }
                    }
                } else {
                    boolean officialOrRole = isOfficialTitle(n.title()) || Roles.has(m.role(), "officer");
                    // "Sgt. Kane" is the Kane the papers call sergeant, not his son the officer
                    String r = rank(n.title());
                    List<Cluster> byRank = r == null ? List.of() : fitting.stream().filter(c -> c.ranks.contains(r)).toList();
                    List<Cluster> byRole = fitting.stream().filter(c -> c.officer == officialOrRole).toList();
                    target = largest(!byRank.isEmpty() ? byRank : byRole.isEmpty() ? fitting : byRole);
                }
                target.add(m, n);
            }
            for (Cluster c : clusters) {
                Person p = toPerson(c);
                // two people may read alike ("Michael Doyle" and "Michael Doyle"): keys stay unique within a case
                String key = p.key();
                for (int k = 2; usedKeys.contains(key); k++) key = p.key() + "-" + k;
                usedKeys.add(key);
                if (!key.equals(p.key())) p = new Person(key, p.name(), p.title(), p.roles(), p.aliases(), p.badge(), p.mentions());
                people.add(p);
                for (Mention m : c.mentions) keyOf.put(m, p.key());
            }
        }
        // Given names alone: the one person of that given name its document names, else the one in the case.
        // Indexed once (people by formal given name, mentions by person and page): big cases have many of both.
        Map<String, List<Person>> byGiven = new HashMap<>();
        Map<String, PersonName> nameOf = new HashMap<>();
        for (Person p : people) {
            if (p.key().endsWith("-unresolved")) continue;
            PersonName pn = PersonName.parse(p.name());
            nameOf.put(p.key(), pn);
            if (pn.hasFullGiven()) byGiven.computeIfAbsent(PersonName.formalGiven(pn.given()), k -> new ArrayList<>()).add(p);
        }
        Map<String, Set<String>> documentsOf = new HashMap<>();
        Map<String, List<Mention>> byKeyAndPage = new HashMap<>();
        if (!givenOnly.isEmpty()) {
            for (var e : keyOf.entrySet()) {
                documentsOf.computeIfAbsent(e.getValue(), k -> new java.util.HashSet<>()).add(e.getKey().source().document());
                byKeyAndPage.computeIfAbsent(e.getValue() + "|" + e.getKey().source().document() + "#" + e.getKey().source().page(), k -> new ArrayList<>()).add(e.getKey());
            }
        }
        Map<String, List<String>> addedAliases = new HashMap<>();
        for (Mention m : givenOnly) {
            String g = parsed.get(m).surname();
            String suffix = parsed.get(m).suffix();
            List<Person> bearers = byGiven.getOrDefault(PersonName.formalGiven(g), List.of()).stream()
                    .filter(p -> suffix.isEmpty() || suffix.equals(nameOf.get(p.key()).suffix())).toList();
            if (bearers.isEmpty()) continue;
            List<Person> inDocument = bearers.stream().filter(p -> documentsOf.getOrDefault(p.key(), Set.of()).contains(m.source().document())).toList();
            // a sign-off just above the signature block, a greeting just below the header that names the addressee
            Person nearest = null;
            int best = Integer.MAX_VALUE;
            for (Person b : bearers) {
                for (Mention x : byKeyAndPage.getOrDefault(b.key() + "|" + m.source().document() + "#" + m.source().page(), List.of())) {
                    if (x.end() <= x.start()) continue;
                    int d = Math.abs(x.start() - m.start());
                    if (d < best) {
                        best = d;
                        nearest = b;
                    }
                }
            }
            Person p = inDocument.size() == 1 ? inDocument.get(0) : nearest != null && best <= 120 ? nearest : bearers.size() == 1 ? bearers.get(0) : null;
            if (p == null) continue;
            keyOf.put(m, p.key());
            addedAliases.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(m.text().strip());
        }
        // Nicknames: a page that says whose ('identified "Buzz" as Gavin T. Roarke') gives every use of it in the case.
        Map<String, String> nickOwner = new HashMap<>();
        for (Mention m : nicknames) {
            if (m.value() == null) continue;
            PersonName owner = PersonName.parse(m.value());
            List<Person> fits = people.stream().filter(p -> nameOf.containsKey(p.key()) && nameOf.get(p.key()).compatible(owner)).toList();
            if (fits.size() == 1) nickOwner.put(m.text().strip().toLowerCase(Locale.ROOT), fits.get(0).key());
        }
        for (Mention m : nicknames) {
            String key = nickOwner.get(m.text().strip().toLowerCase(Locale.ROOT));
            if (key == null) continue;
            keyOf.put(m, key);
            addedAliases.computeIfAbsent(key, k -> new ArrayList<>()).add(m.text().strip());
        }
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            List<String> added = addedAliases.get(p.key());
            if (added == null) continue;
            Set<String> aliases = new LinkedHashSet<>(p.aliases());
            aliases.addAll(added);
            people.set(i, new Person(p.key(), p.name(), p.title(), p.roles(), List.copyOf(aliases), p.badge(), p.mentions() + added.size()));
        }
        people.sort(Comparator.comparingInt(Person::mentions).reversed().thenComparing(Person::name));
        return new PersonRegistry(List.copyOf(people), keyOf);
    }

    /** A badge number as a key: digits only, no leading zeros ("TPD-4471", "04471" and "#4471" agree). */
    static String badgeKey(String badge) {
        String d = Prefilter.replaceFirst(Prefilter.replaceAll(badge, "\\D", ""), "^0+(?=\\d)", "");
        return d.isEmpty() ? badge : d;
    }

    /** How far back on a page a full name still tells who a bare surname means (about a paragraph). */
    static final int NEAR_CHARS = 300;

    /** The cluster with a mention closest before this one on the same page of the same document, or null. */
    private static Cluster nearestBefore(List<Cluster> clusters, Mention m) {
        Cluster best = null;
        int bestDistance = Integer.MAX_VALUE;
        String page = m.source().document() + "#" + m.source().page();
        for (Cluster c : clusters) {
            for (Mention x : c.byPage.getOrDefault(page, List.of())) {
                if (x.end() <= x.start() || m.end() <= m.start() || x.start() >= m.start()) continue;
                int d = m.start() - x.start();
                if (d <= NEAR_CHARS && d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
        }
        return best;
    }

    private static int specificity(PersonName n, Mention m) {
        // full names first, then initials, badges, suffixes; among bare surnames, "Ms. O'Neal" before "Officer O'Neal"
        // (a civilian's title marks her cluster before an officer's title could join it), titled before untitled
        return (n.hasFullGiven() ? 32 : n.given().isEmpty() ? 0 : 16) + (m.badge() != null ? 8 : 0) + (n.suffix().isEmpty() ? 0 : 2) + (n.middle().isEmpty() ? 0 : 2)
                + (rankIsCivil(n.title()) ? 2 : 0) + (n.title().isEmpty() ? 0 : 1);
    }

    private static Cluster largest(List<Cluster> cs) {
        return cs.stream().max(Comparator.comparingInt(c -> c.mentions.size())).orElseThrow();
    }

    private static Person toPerson(Cluster c) {
        if (c.unresolved) {
            String surname = c.names.get(0).surname();
            Set<String> aliases = new LinkedHashSet<>();
            for (Mention m : c.mentions) aliases.add(m.text().strip());
            return new Person(Prefilter.replaceAll((surname + "-unresolved").toLowerCase(Locale.ROOT), "[^a-z0-9-]", ""), surname + " (which one unresolved)",
                    "", List.of(), List.copyOf(aliases), null, c.mentions.size());
        }
        PersonName best = c.names.stream().max(Comparator.comparingInt((PersonName n) -> n.given().length())).orElseThrow();
        String surname = best.surname();
        String given = c.given;
        String name = new PersonName("", given, surname, c.suffix).display();
        String key = Prefilter.replaceAll((surname + (given.isEmpty() ? "" : "-" + given) + (c.middle.isEmpty() ? "" : "-" + c.middle.charAt(0))
                + (c.suffix.isEmpty() ? "" : "-" + c.suffix)).toLowerCase(Locale.ROOT), "[^a-z0-9-]", "");
        Map<String, Long> roleCounts = c.mentions.stream().map(Mention::role).filter(Objects::nonNull)
                .flatMap(r -> List.of(r.split(",")).stream()).filter(r -> !r.isBlank())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        List<String> roles = roleCounts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        // An officer is one by rank or badge (a word such as "deputy" near a civilian's name makes no officer of her),
        // and is not also the defendant or a witness because a sentence near his name said "arrested".
        if (!c.officer && c.mentions.stream().noneMatch(m -> "table".equals(m.origin()) && Roles.has(m.role(), "officer"))) {
            roles = roles.stream().filter(r -> !r.equals("officer")).toList();
        }
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
        String digits = Prefilter.replaceAll(q, "(?i)^(badge\\s*)?#?\\s*", "");
        if (Prefilter.matches(digits, "\\d{2,6}")) {
            return people.stream().filter(p -> digits.equals(p.badge())).toList();
        }
        PersonName n = PersonName.parse(q);
        // Only people with the same surname key can be compatible, and aliases are matched whole: look those up
        // instead of parsing every person of the case for every query (a big case asks thousands of times).
        java.util.TreeSet<Integer> hits = new java.util.TreeSet<>();
        for (int i : bySurnameKey.getOrDefault(n.surnameKey(), List.of())) if (parsedNames.get(i).compatible(n)) hits.add(i);
        for (int i : byAlias.getOrDefault(q.toLowerCase(java.util.Locale.ROOT), List.of())) {
            if (people.get(i).aliases().stream().anyMatch(a -> a.equalsIgnoreCase(q))) hits.add(i);
        }
        List<Person> out = new ArrayList<>(hits.size());
        for (int i : hits) out.add(people.get(i));
        return out;
    }
}
