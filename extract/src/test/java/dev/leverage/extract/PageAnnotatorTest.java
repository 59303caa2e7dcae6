package dev.leverage.extract;

import dev.leverage.extract.nlp.EnglishModels;
import dev.leverage.extract.nlp.PageAnnotator;
import dev.leverage.extract.nlp.Sentence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageAnnotatorTest {
    static final PageAnnotator annotator = new PageAnnotator(EnglishModels.get());

    @Test
    void ranksAndInitialsDoNotEndSentences() {
        String text = "At 1412 hrs I handed Exhibit 4 to Sgt. B. Okonkwo for transport. He signed the log. Det. Ruiz was present.";
        List<Sentence> s = annotator.annotate(text);
        assertEquals(3, s.size(), s.toString());
        assertTrue(s.get(0).text().endsWith("for transport."), s.get(0).text());
        assertEquals("Det. Ruiz was present.", s.get(2).text());
    }

    @Test
    void offsetsStayTrueToThePage() {
        String text = "REPORT\n\nOfc. T. Lindqvist stopped the van at 2210 hrs. The driver, Mr. Abara, was calm.";
        for (Sentence s : annotator.annotate(text)) assertEquals(s.text(), text.substring(s.start(), s.end()));
    }

    @Test
    void formLinesStandAlone() {
        String text = "Case No.: 24-11873\nReporting Officer: Tpr. Dana Wolcott #5521\nDate: 06/02/2024\n";
        List<Sentence> s = annotator.annotate(text);
        assertEquals(3, s.size(), s.toString());
    }

    @Test
    void aClockWithItsPrepositionStartsTheSentenceAfterIt() {
        String text = "At 10:09 a.m. I gave the driver the warning and told him he was free to go. We began searching the van at about 10:12 a.m. "
                + "Behind the stamped cartons were six unmarked boxes.";
        List<Sentence> s = annotator.annotate(text);
        assertEquals(3, s.size(), s.toString());
        assertTrue(s.get(0).text().startsWith("At 10:09 a.m. I gave"), s.get(0).text());
        assertTrue(s.get(1).text().endsWith("10:12 a.m."), s.get(1).text());
    }
}
