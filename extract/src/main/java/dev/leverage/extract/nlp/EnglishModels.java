package dev.leverage.extract.nlp;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The English sentence, tokenizer and part-of-speech models published by Apache OpenNLP on Maven Central
 * (opennlp-models-*-en 1.3.0, trained on UD English-EWT). Models are immutable and shared; the ME tools built
 * on them are not thread-safe, so each thread makes its own with the factory methods.
 */
public final class EnglishModels {
    private static final String SENTENCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final String TOKENS = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String POS = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private static volatile EnglishModels instance;

    private final SentenceModel sentenceModel;
    private final TokenizerModel tokenizerModel;
    private final POSModel posModel;

    private EnglishModels() {
        try {
            sentenceModel = new SentenceModel(open(SENTENCE));
            tokenizerModel = new TokenizerModel(open(TOKENS));
            posModel = new POSModel(open(POS));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenNLP English models could not be loaded", e);
        }
    }

    /** The models, loaded once per JVM. */
    public static EnglishModels get() {
        EnglishModels m = instance;
        if (m == null) {
            synchronized (EnglishModels.class) {
                m = instance;
                if (m == null) instance = m = new EnglishModels();
            }
        }
        return m;
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = EnglishModels.class.getResourceAsStream(resource);
        if (in == null) throw new IOException("model " + resource + " is not on the classpath");
        return in;
    }

    public SentenceDetectorME sentenceDetector() {
        return new SentenceDetectorME(sentenceModel);
    }

    public TokenizerME tokenizer() {
        return new TokenizerME(tokenizerModel);
    }

    public POSTaggerME posTagger() {
        return new POSTaggerME(posModel);
    }
}
