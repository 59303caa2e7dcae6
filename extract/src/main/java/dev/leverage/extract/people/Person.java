package dev.leverage.extract.people;

import java.util.List;

/**
 * One person of the case, resolved across documents.
 *
 * @param key      stable id within the case ("keel-morgan")
 * @param name     the fullest form of the name found ("Morgan Keel")
 * @param title    the rank or role word written most often with the name, or ""
 * @param roles    roles, most supported first
 * @param aliases  every distinct way the documents write the person
 * @param badge    badge number, or null
 * @param mentions number of mentions
 */
public record Person(String key, String name, String title, List<String> roles, List<String> aliases, String badge, int mentions) {
    public Person {
        roles = List.copyOf(roles);
        aliases = List.copyOf(aliases);
    }
}
