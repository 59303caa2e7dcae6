package dev.leverage.extract;

import dev.leverage.extract.nlp.EnglishModels;
import dev.leverage.extract.nlp.EntityFinder;
import dev.leverage.extract.nlp.PageAnnotator;
import dev.leverage.extract.nlp.TrainedModels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain entity finder on sentences written the way other agencies write them (not the demo case). */
class EntityFinderTest {
    static final PageAnnotator annotator = new PageAnnotator(EnglishModels.get());
    static final EntityFinder finder = new EntityFinder(TrainedModels.load(null));

    static List<String> found(String type, String sentence) {
        return finder.find(annotator.sentence(sentence, 0)).stream().filter(e -> e.type().equals(type)).map(EntityFinder.Entity::text).toList();
    }

    @Test
    void officersWithRankAndBadge() {
        String s = "Trooper First Class Renata Oyelaran, badge 4471, and Cpl. J. Whitcombe #2290 searched the trunk.";
        assertTrue(found("person", s).stream().anyMatch(p -> p.contains("Oyelaran")), found("person", s).toString());
        assertTrue(found("person", s).stream().anyMatch(p -> p.contains("Whitcombe")), found("person", s).toString());
        assertTrue(found("badge", s).stream().anyMatch(b -> b.contains("4471")), found("badge", s).toString());
        assertTrue(found("badge", s).stream().anyMatch(b -> b.contains("2290")), found("badge", s).toString());
    }

    @Test
    void itemsSealsQuantitiesAndWeights() {
        String s = "Exhibit 3B, twenty-two (22) knotted baggies with a net weight of 11.62 grams, was sealed with evidence bag seal EB-0098812.";
        assertTrue(found("item", s).contains("Exhibit 3B"), found("item", s).toString());
        assertTrue(found("quantity", s).stream().anyMatch(q -> q.contains("22")), found("quantity", s).toString());
        assertTrue(found("weight", s).stream().anyMatch(w -> w.startsWith("11.62")), found("weight", s).toString());
        assertTrue(found("seal", s).stream().anyMatch(w -> w.contains("EB-0098812")), found("seal", s).toString());
        assertTrue(found("item", "Property tag 2024-01187-004 was logged.").stream().anyMatch(i -> i.contains("2024-01187-004")));
    }

    @Test
    void surnameFirstOnForms() {
        assertTrue(found("person", "Arrestee: OKAFOR, CHIDI M.").stream().anyMatch(p -> p.startsWith("OKAFOR")));
        assertFalse(found("person", "Confirmed by GC-MS, FTIR and a reference standard.").stream().anyMatch(p -> p.contains("FTIR")),
                "instrument acronyms are not names");
    }
}
