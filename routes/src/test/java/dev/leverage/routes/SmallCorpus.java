package dev.leverage.routes;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Many small discovery files for tests of the ingest's behaviour at volume (crash safety, search during ingest):
 * short supplements as text, two-page evidence logs as PDF, a few exact copies under other names. Each document
 * carries its own marker word ("marker0042") so a test can find it. Seeded: the same count gives the same files.
 */
final class SmallCorpus {
    /** Every 50th file is a copy of the file before it. */
    static final int COPY_EVERY = 50;
    static int DUPLICATES;

    private static final String[] OFFICERS = {"Dep. R. Vance #1402", "Ofc. T. Nakamura #0877", "Sgt. L. Brennan #0311", "Det. A. Okafor #2290",
            "Cpl. J. Lacroix #1566", "Tpr. M. Holm #4410"};
    private static final String[] ACTS = {"transported the sealed bag to the property room", "logged the item into locker", "released the item to the lab courier",
            "received the package from the evidence technician", "photographed the contents before sealing", "signed the chain-of-custody form"};

    private SmallCorpus() {
    }

    static Path write(Path dir, int files) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(files);
        int dups = 0;
        byte[] previous = null;
        String previousExt = null;
        for (int i = 0; i < files; i++) {
            String folder = String.format(Locale.ROOT, "vol%02d", i / 100);
            Files.createDirectories(dir.resolve(folder));
            if (i % COPY_EVERY == COPY_EVERY - 1 && previous != null) {
                Files.write(dir.resolve(folder).resolve(String.format(Locale.ROOT, "copy_of_%04d.%s", i - 1, previousExt)), previous);
                dups++;
                continue;
            }
            String marker = String.format(Locale.ROOT, "marker%04d", i);
            if (i % 7 == 3) {
                Path f = dir.resolve(folder).resolve(String.format(Locale.ROOT, "evidence_log_%04d.pdf", i));
                pdf(f, new String[]{page(r, marker, i, 1), page(r, marker, i, 2)});
                previous = Files.readAllBytes(f);
                previousExt = "pdf";
            } else {
                String text = "SUPPLEMENT " + (1000 + i) + "\n" + page(r, marker, i, 1);
                Path f = Files.writeString(dir.resolve(folder).resolve(String.format(Locale.ROOT, "supplement_%04d.txt", i)), text, StandardCharsets.UTF_8);
                previous = Files.readAllBytes(f);
                previousExt = "txt";
            }
        }
        DUPLICATES = dups;
        return dir;
    }

    private static String page(Random r, String marker, int i, int page) {
        StringBuilder b = new StringBuilder();
        b.append("Case 24-").append(String.format(Locale.ROOT, "%06d", 10_000 + i)).append("  page ").append(page).append('\n');
        for (int k = 0; k < 4 + r.nextInt(4); k++) {
            b.append(String.format(Locale.ROOT, "On 03/%02d/2024 at %02d%02d hours %s %s %d (%s).%n", 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60),
                    OFFICERS[r.nextInt(OFFICERS.length)], ACTS[r.nextInt(ACTS.length)], 1 + r.nextInt(40), marker));
        }
        return b.toString();
    }

    private static void pdf(Path file, String[] pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    cs.newLineAtOffset(60, 720);
                    for (String line : text.split("\n")) {
                        cs.showText(line);
                        cs.newLineAtOffset(0, -14);
                    }
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
    }
}
