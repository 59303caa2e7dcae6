package dev.leverage.ingest;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Tika's encoding detection, with one correction: text it calls ISO-8859-1 that holds bytes 0x80 to 0x9F is
 * Windows-1252. Those bytes are control characters in ISO-8859-1 that no real text uses, and curly quotes, dashes
 * and the euro sign in Windows-1252, the encoding of most text files a police records system exports (the WHATWG
 * encoding standard reads every "iso-8859-1" label as windows-1252 for the same reason). Without it a statement's
 * “quotes” become replacement characters, and one at the start of a line reads as a page break.
 */
final class WindowsLatinEncodingDetector implements EncodingDetector {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE = 64 * 1024;
    private final EncodingDetector delegate = TikaConfig.getDefaultConfig().getEncodingDetector();

    @Override
    public Charset detect(InputStream input, Metadata metadata) throws IOException {
        if (input == null) return delegate.detect(null, metadata);
        input.mark(SAMPLE);
        byte[] sample = input.readNBytes(SAMPLE);
        input.reset();
        Charset detected = delegate.detect(input, metadata);
        if (detected != null && detected.equals(StandardCharsets.ISO_8859_1) && hasC1(sample)) return WINDOWS_1252;
        return detected;
    }

    private static boolean hasC1(byte[] b) {
        for (byte x : b) {
            int v = x & 0xff;
            if (v >= 0x80 && v <= 0x9f) return true;
        }
        return false;
    }
}
