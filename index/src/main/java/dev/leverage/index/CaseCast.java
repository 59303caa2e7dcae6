package dev.leverage.index;

import dev.leverage.extract.DocumentFacts;
import dev.leverage.extract.Mention;
import dev.leverage.extract.people.Person;
import dev.leverage.extract.people.PersonRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people of one case as the index knows them at a commit: the registry resolved from every document's person
 * mentions, and which pages mention whom. It answers the person: filter and the person facet of a search and the
 * witness view, and is rebuilt when the case changes.
 */
public final class CaseCast {
    private final PersonRegistry registry;
    private final List<Mention> mentions;
    private final Map<String, Set<String>> pagesByPerson = new LinkedHashMap<>();
    private final Map<String, Set<String>> personsByPage = new LinkedHashMap<>();
    private final Map<String, Person> byKey = new LinkedHashMap<>();
    private final Map<String, List<Mention>> mentionsByPage = new java.util.HashMap<>();

    private CaseCast(PersonRegistry registry, List<Mention> mentions) {
        this.registry = registry;
        this.mentions = List.copyOf(mentions);
        for (Person p : registry.people()) byKey.put(p.key(), p);
        for (Mention m : mentions) {
            String key = registry.keyOf(m);
            if (key == null) continue;
            String page = pageKey(m.source().document(), m.source().page());
            mentionsByPage.computeIfAbsent(page, k -> new ArrayList<>()).add(m);
            pagesByPerson.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(page);
            personsByPage.computeIfAbsent(page, k -> new LinkedHashSet<>()).add(key);
        }
    }

    public static CaseCast of(List<DocumentFacts> facts) {
        List<Mention> mentions = new ArrayList<>();
        for (DocumentFacts f : facts) mentions.addAll(f.mentions());
        return ofMentions(mentions);
    }

    /** Where a backend finds the pages whose words include any of these (lower-cased, indexed as written). */
    public interface PageFinder {
        List<dev.leverage.extract.people.CaseMentions.PageText> pagesWithAnyOf(Set<String> words) throws java.io.IOException;
    }

    /**
     * The cast of a case as any backend builds it: every document's person mentions, plus the later uses of known
     * surnames and nicknames on the pages that carry those words.
     */
    public static CaseCast build(List<DocumentFacts> facts, PageFinder pages) throws java.io.IOException {
        List<Mention> mentions = new ArrayList<>();
        for (DocumentFacts f : facts) mentions.addAll(f.mentions());
        Set<String> names = new LinkedHashSet<>(dev.leverage.extract.people.CaseMentions.surnames(mentions));
        for (String nick : dev.leverage.extract.people.CaseMentions.nicknames(mentions)) names.add(nick.toLowerCase(java.util.Locale.ROOT));
        if (!names.isEmpty()) {
            // the last word of a compound surname is the one the index holds
            Set<String> words = new LinkedHashSet<>();
            for (String n : names) words.add(n.substring(n.lastIndexOf(' ') + 1));
            mentions.addAll(dev.leverage.extract.people.CaseMentions.laterUses(mentions, pages.pagesWithAnyOf(words)));
        }
        return ofMentions(mentions);
    }

    /** The keys of the pages that mention the people a name names (the person: filter), in the cast's order. */
    public List<String> pageKeysNamed(String name) {
        List<String> keys = new ArrayList<>();
        for (Person p : lookup(name)) keys.addAll(pagesOf(p.key()));
        return keys;
    }

    /** The cast of these mentions (every document's, plus the case-level uses of surnames found in the pages). */
    public static CaseCast ofMentions(List<Mention> mentions) {
        return new CaseCast(PersonRegistry.resolve(mentions), mentions);
    }

    /** The key of a page within a case: its document's path and its number. */
    public static String pageKey(String documentPath, int page) {
        return documentPath + "#" + page;
    }

    public PersonRegistry registry() {
        return registry;
    }

    /** Every mention of every document (people and the rest), in document order. */
    public List<Mention> mentions() {
        return mentions;
    }

    public List<Person> people() {
        return registry.people();
    }

    public Person person(String key) {
        return byKey.get(key);
    }

    /** Keys of the pages that mention a person. */
    public Set<String> pagesOf(String personKey) {
        return pagesByPerson.getOrDefault(personKey, Set.of());
    }

    /** The person mentions of one page that were resolved to someone. */
    public List<Mention> mentionsOn(String pageKey) {
        return mentionsByPage.getOrDefault(pageKey, List.of());
    }

    /** Keys of the people a page mentions. */
    public Set<String> peopleOn(String pageKey) {
        return personsByPage.getOrDefault(pageKey, Set.of());
    }

    /** People a user's words name ("Keel", "Dep. M. Keel", "#2217"). */
    public List<Person> lookup(String query) {
        return registry.lookup(query);
    }
}
