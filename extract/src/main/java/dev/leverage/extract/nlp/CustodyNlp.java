package dev.leverage.extract.nlp;

import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * The trained custody models over one sentence: the name finder marks items, handlers, locations and seals, the
 * categorizer says what custody event the sentence tells, if any. Not thread-safe: one per extractor.
 */
public final class CustodyNlp {
    /** A span the name finder marked, with its character offsets in the sentence. */
    public record Entity(String type, String text, int start, int end, double probability) {
    }


    private final TokenizerME tokenizer = EnglishModels.get().tokenizer();
    private final NameFinderME names;
    private final SentenceCategorizer categorizer;

    public CustodyNlp(TrainedModels models) {
        this.names = models.custodyNameFinder();
        this.categorizer = models.custodyCategorizer();
    }

    /** The entities the name finder marks in a sentence, in order. */
    public List<Entity> entities(String sentence) {
        Span[] tokens = Tokens.spans(tokenizer, sentence);
        String[] words = Span.spansToStrings(tokens, sentence);
        Span[] found = names.find(words);
        double[] probs = names.probs(found);
        names.clearAdaptiveData();
        List<Entity> out = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            int start = tokens[found[i].getStart()].getStart(), end = tokens[found[i].getEnd() - 1].getEnd();
            out.add(new Entity(found[i].getType(), sentence.substring(start, end), start, end, probs[i]));
        }
        return out;
    }

    /** What custody event the sentence tells ("none" when it tells none). */
    public SentenceCategorizer.Category categorize(String sentence) {
        return categorizer.categorize(sentence);
    }
}
