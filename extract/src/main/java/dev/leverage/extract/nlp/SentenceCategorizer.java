package dev.leverage.extract.nlp;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.tokenize.TokenizerME;

/**
 * A trained sentence categorizer (OpenNLP doccat) over the English tokenizer's tokens with the features of
 * {@link EventFeatures}: the custody categorizer and the sampling categorizer are two of these. Not thread-safe.
 */
public final class SentenceCategorizer {
    public static final String NONE = "none";

    /** The category of a sentence and the model's probability for it. */
    public record Category(String label, double probability) {
        public boolean isNone() {
            return label.equals(NONE);
        }
    }

    private final TokenizerME tokenizer = EnglishModels.get().tokenizer();
    private final DocumentCategorizerME categorizer;

    public SentenceCategorizer(DoccatModel model) {
        this.categorizer = new DocumentCategorizerME(model);
    }

    public Category categorize(String sentence) {
        double[] p = categorizer.categorize(EventFeatures.tokens(tokenizer, sentence));
        String best = categorizer.getBestCategory(p);
        return new Category(best, p[categorizer.getIndex(best)]);
    }
}
