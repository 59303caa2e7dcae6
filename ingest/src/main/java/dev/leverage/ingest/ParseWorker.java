package dev.leverage.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The parser process started by {@link ForkedDocumentParser}: reads requests (file, relative path, hash) from
 * stdin, parses each with {@link TikaDocumentParser} and answers on stdout with {@link OutcomeCodec}, until stdin
 * closes. Anything a library prints goes to stderr, so stdout carries only answers. Run with a capped heap and
 * {@code -XX:+ExitOnOutOfMemoryError}: a file that exhausts memory ends this process, not the ingest.
 */
public final class ParseWorker {
    /** The first byte on stdout, once the parser is ready. */
    static final int READY = 'R';

    private ParseWorker() {
    }

    public static void main(String[] args) throws Exception {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        TikaDocumentParser parser = new TikaDocumentParser(IngestLimits.fromArgs(args, 0));
        out.writeByte(READY);
        out.flush();
        while (true) {
            String file, rel, sha;
            try {
                file = OutcomeCodec.str(in);
                rel = OutcomeCodec.str(in);
                sha = OutcomeCodec.str(in);
            } catch (EOFException e) {
                return; // the ingest is done with us
            }
            ParseOutcome outcome;
            try {
                outcome = parser.parse(Path.of(file), rel, sha);
            } catch (RuntimeException | StackOverflowError e) {
                outcome = new ParseOutcome.Quarantined(new Quarantine(rel, sha, "The parser failed on the file (" + e.getClass().getSimpleName()
                        + "); it may be corrupt: ask the producing party for a new copy."));
            }
            OutcomeCodec.write(out, outcome);
            out.flush();
        }
    }
}
