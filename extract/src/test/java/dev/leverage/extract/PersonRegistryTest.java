package dev.leverage.extract;

import dev.leverage.extract.people.Person;
import dev.leverage.extract.people.PersonRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonRegistryTest {
    static Mention person(String text, String role, String badge, String doc) {
        // a CAD export's names are read from its columns ("table"), the rest from sentences
        return new Mention("person", text, text, role, badge, new Citation(doc, 1, null, text), 0, text.length(), doc.endsWith(".csv") ? "table" : "rule");
    }

    @Test
    void aliasesResolveAndSharedSurnamesStayApart() {
        List<Mention> ms = List.of(
                person("Officer Dana Whitlock", "officer", "3381", "a.pdf"),
                person("Ofc. D. Whitlock", "officer", "3381", "b.pdf"),
                person("WHITLOCK", "officer,k9_handler", null, "cad.csv"),
                person("Whitlock", null, null, "a.pdf"),
                person("Gary Whitlock", "tow_operator", null, "tow.pdf"),
                person("Mr. Whitlock", null, null, "tow.pdf"));
        PersonRegistry r = PersonRegistry.resolve(ms);
        List<Person> both = r.lookup("Whitlock");
        assertEquals(2, both.size(), both.toString());
        Person officer = r.lookup("3381").get(0);
        assertEquals("Dana Whitlock", officer.name());
        assertEquals(4, officer.mentions(), officer.toString());
        assertTrue(officer.roles().contains("officer"));
        Person tow = r.lookup("Gary Whitlock").get(0);
        assertEquals(2, tow.mentions(), "Mr. Whitlock goes with the civilian: " + tow);
        assertEquals(1, r.lookup("Ofc. D. Whitlock").size());
    }
}
