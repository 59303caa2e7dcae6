package dev.leverage.ingest;

import java.util.List;
import java.util.Objects;

/**
 * One page of a document: the unit a lawyer cites. Text is what the page says (OCR text for scanned pages);
 * tables keep the rows of any table on the page so spreadsheets and forms can be read by column.
 *
 * @param number 1-based page number within the document
 * @param text   the page text, lines separated by '\n'
 * @param bates  the Bates number printed on the page, or null when the page carries none
 * @param ocr    true when the text came from optical character recognition
 * @param ocrConfidence for an OCRed page, Tesseract's mean word confidence from 0 to 1 (how far the text can be
 *               trusted word for word); null for a page with a text layer, or an OCRed page with no words
 * @param tables tables found on the page, each a list of rows of cell texts
 */
public record Page(int number, String text, String bates, boolean ocr, Double ocrConfidence, List<Table> tables) {
    public Page {
        if (number < 1) throw new IllegalArgumentException("page numbers start at 1");
        Objects.requireNonNull(text, "text");
        if (ocrConfidence != null && (ocrConfidence < 0 || ocrConfidence > 1)) throw new IllegalArgumentException("OCR confidence is between 0 and 1");
        tables = List.copyOf(tables);
    }

    /** A page without an OCR confidence. */
    public Page(int number, String text, String bates, boolean ocr, List<Table> tables) {
        this(number, text, bates, ocr, null, tables);
    }

    /** A table on a page: rows of cell texts, the first row often a header. */
    public record Table(List<List<String>> rows) {
        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
