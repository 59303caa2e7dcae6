package dev.leverage.ingest;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Wraps Tika's parser so that every document it is handed, the file itself and each file embedded in it at any
 * depth, passes the {@link IngestLimits} first: embedded documents deeper than {@code maxDepth} are skipped (and
 * marked, so the skip becomes a warning), and a zip container (archives, OOXML, anything starting with a local
 * file header) whose entries declare more than {@code maxCompressionRatio} expansion, or more than
 * {@code maxExpandedBytes} together with the file's other archives, is refused before it is unpacked. The parser
 * process's memory cap and timeout stay behind these as the last line for a bomb that lies about its sizes.
 */
final class LimitingParser extends ParserDecorator {
    /** Metadata key set on an embedded document that was not read because it was nested too deep. */
    static final String SKIPPED = "X-Leverage-Skipped";
    /** Entries smaller than this expand harmlessly whatever their ratio (a repetitive XML part of an OOXML file). */
    private static final long RATIO_FLOOR = 1L << 20;

    /** State of one top-level parse, carried in its ParseContext through every embedded parse. */
    static final class State {
        int depth;
        long expanded;
    }

    private final IngestLimits limits;

    LimitingParser(Parser parser, IngestLimits limits) {
        super(parser);
        this.limits = limits;
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        State state = context.get(State.class);
        if (state == null) {
            state = new State();
            context.set(State.class, state);
        }
        if (state.depth > limits.maxDepth()) {
            metadata.set(SKIPPED, "nested more than " + limits.maxDepth() + " levels deep");
            return;
        }
        state.depth++;
        try {
            TikaInputStream tis = TikaInputStream.cast(stream);
            if (tis != null && isZip(tis)) checkZip(tis.getPath(), state);
            super.parse(stream, handler, metadata, context);
        } finally {
            state.depth--;
        }
    }

    private static boolean isZip(TikaInputStream tis) throws IOException {
        byte[] head = new byte[4];
        return tis.peek(head) == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private void checkZip(Path zip, State state) throws IOException, LimitExceededException {
        ZipFile z;
        try {
            z = ZipFile.builder().setPath(zip).setIgnoreLocalFileHeader(true).get();
        } catch (IOException e) {
            return; // not a readable zip after all: the format's own parser decides what it is
        }
        try (z) {
            for (Enumeration<ZipArchiveEntry> en = z.getEntries(); en.hasMoreElements(); ) {
                ZipArchiveEntry e = en.nextElement();
                long size = e.getSize(), packed = e.getCompressedSize();
                if (size <= 0) continue;
                if (size > RATIO_FLOOR && packed > 0 && size / packed > limits.maxCompressionRatio()) {
                    throw new LimitExceededException("The file holds an archive entry (" + shortName(e.getName()) + ") that expands "
                            + String.format(Locale.ROOT, "%,d", size / packed) + " times its compressed size, over the "
                            + limits.maxCompressionRatio() + ":1 limit and the mark of a zip bomb, so it was not unpacked; ask for the files unzipped.");
                }
                state.expanded += size;
                if (state.expanded > limits.maxExpandedBytes()) {
                    throw new LimitExceededException("The file's archives expand to more than " + (limits.maxExpandedBytes() >> 20)
                            + " MB, over the limit, so they were not unpacked; ask for the files unzipped or raise the limit.");
                }
            }
        }
    }

    private static String shortName(String name) {
        return name.length() > 60 ? "..." + name.substring(name.length() - 57) : name;
    }
}
