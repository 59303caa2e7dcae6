package dev.leverage.extract.nlp;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The project's own OpenNLP models, trained from the annotated sentences kept in this module: a name finder for
 * the domain's entities and a sentence categorizer for timed events. Training is deterministic and takes seconds;
 * a trained model is cached in a folder under a name that carries the hash of its training data, so a change to
 * the data retrains and an unchanged one loads.
 */
public final class TrainedModels {
    public static final String NER_TRAIN = "ner-train.txt";
    public static final String NER_EVAL = "ner-eval.txt";
    public static final String EVENTS_TRAIN = "events-train.txt";
    public static final String EVENTS_EVAL = "events-eval.txt";
    public static final String CUSTODY_NER_TRAIN = "custody-ner-train.txt";
    public static final String CUSTODY_NER_EVAL = "custody-ner-eval.txt";
    public static final String CUSTODY_SENTENCES_TRAIN = "custody-sentences-train.txt";
    public static final String CUSTODY_SENTENCES_EVAL = "custody-sentences-eval.txt";
    public static final String SAMPLING_SENTENCES_TRAIN = "sampling-sentences-train.txt";
    public static final String SAMPLING_SENTENCES_EVAL = "sampling-sentences-eval.txt";
    private static final String VERSION = "1";

    private static volatile TrainedModels shared;

    private final TokenNameFinderModel nameFinder;
    private final DoccatModel events;
    private final TokenNameFinderModel custodyNames;
    private final DoccatModel custodySentences;
    private final DoccatModel samplingSentences;

    private TrainedModels(TokenNameFinderModel nameFinder, DoccatModel events, TokenNameFinderModel custodyNames, DoccatModel custodySentences,
                          DoccatModel samplingSentences) {
        this.nameFinder = nameFinder;
        this.events = events;
        this.custodyNames = custodyNames;
        this.custodySentences = custodySentences;
        this.samplingSentences = samplingSentences;
    }

    /**
     * Loads the models from the cache folder, training any that are missing or stale.
     *
     * @param cacheDir where trained models are kept; null trains in memory only
     */
    public static TrainedModels load(Path cacheDir) {
        TrainedModels m = shared;
        if (m != null) return m;
        synchronized (TrainedModels.class) {
            if (shared == null) {
                shared = new TrainedModels(nameFinder(cacheDir, "ner", NER_TRAIN), categorizer(cacheDir, "events", EVENTS_TRAIN),
                        nameFinder(cacheDir, "custody-ner", CUSTODY_NER_TRAIN), categorizer(cacheDir, "custody-sentences", CUSTODY_SENTENCES_TRAIN),
                        categorizer(cacheDir, "sampling-sentences", SAMPLING_SENTENCES_TRAIN));
            }
            return shared;
        }
    }

    /** A name finder trained from a shipped annotated file, or loaded from the cache when the file is unchanged. */
    private static TokenNameFinderModel nameFinder(Path cacheDir, String name, String trainingFile) {
        byte[] data = resource(trainingFile);
        return cached(cacheDir, name, data, TokenNameFinderModel::new, () -> trainNameFinder(data), TokenNameFinderModel::serialize);
    }

    /** A sentence categorizer trained from a shipped labelled file, or loaded from the cache when the file is unchanged. */
    private static DoccatModel categorizer(Path cacheDir, String name, String trainingFile) {
        byte[] data = resource(trainingFile);
        return cached(cacheDir, name, data, DoccatModel::new, () -> trainEvents(data), DoccatModel::serialize);
    }

    /** The custody name finder: item, handler, location and seal in custody sentences. */
    public NameFinderME custodyNameFinder() {
        return new NameFinderME(custodyNames);
    }

    /** The custody sentence categorizer: seized, transfer, stored, submitted, lab_received, analyzed, sealed, returned or none. */
    public SentenceCategorizer custodyCategorizer() {
        return new SentenceCategorizer(custodySentences);
    }

    /** The sampling sentence categorizer: selection, units, weight, field_test, identity or none. */
    public SentenceCategorizer samplingCategorizer() {
        return new SentenceCategorizer(samplingSentences);
    }

    public NameFinderME nameFinder() {
        return new NameFinderME(nameFinder);
    }

    public DocumentCategorizerME eventCategorizer() {
        return new DocumentCategorizerME(events);
    }

    static byte[] resource(String name) {
        try (InputStream in = TrainedModels.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("training data " + name + " is missing from the extract module");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream open(String name) {
        return new java.io.ByteArrayInputStream(resource(name));
    }

    /** Trains the domain name finder from annotated sentences. */
    public static TokenNameFinderModel trainNameFinder(byte[] annotated) {
        TokenizerME tokenizer = EnglishModels.get().tokenizer();
        List<NameSample> samples = new ArrayList<>();
        for (AnnotatedSentences.Annotated a : AnnotatedSentences.read(new java.io.ByteArrayInputStream(annotated))) {
            samples.add(AnnotatedSentences.toSample(a, tokenizer, true));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, 150);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        try {
            return NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples), params,
                    new TokenNameFinderFactory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains the event sentence categorizer from "label TAB sentence" lines. */
    public static DoccatModel trainEvents(byte[] labelled) {
        TokenizerME tokenizer = EnglishModels.get().tokenizer();
        List<DocumentSample> samples = new ArrayList<>();
        for (LabelledSentence s : LabelledSentence.read(new java.io.ByteArrayInputStream(labelled))) {
            samples.add(new DocumentSample(s.label(), EventFeatures.tokens(tokenizer, s.text())));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, 200);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        try {
            return DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(new FeatureGenerator[]{new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Loader<T> {
        T load(InputStream in) throws IOException;
    }

    interface Saver<T> {
        void save(T model, OutputStream out) throws IOException;
    }

    private static <T> T cached(Path dir, String name, byte[] data, Loader<T> loader,
                                java.util.function.Supplier<T> trainer, Saver<T> saver) {
        if (dir == null) return trainer.get();
        Path file = dir.resolve(name + "-" + hash(data) + ".bin");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return loader.load(in);
            } catch (IOException | RuntimeException e) {
                // A damaged cache file is retrained below.
            }
        }
        T model = trainer.get();
        try {
            Files.createDirectories(dir);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            saver.save(model, bytes);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The cache is an optimisation: a read-only data folder still works, it just trains each run.
        }
        return model;
    }

    private static String hash(byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(VERSION.getBytes(StandardCharsets.UTF_8));
            md.update(data);
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
