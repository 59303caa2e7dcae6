package dev.leverage.index;

/**
 * What became of one input file or embedded document: indexed, duplicate (same bytes as another), or quarantined
 * with its reason. Every file found ends as exactly one record; the counts add up to the files found.
 *
 * @param path        path relative to the case folder ("!/" marks a document inside a container)
 * @param sha256      content hash
 * @param status      indexed | duplicate | quarantined
 * @param reason      for quarantined: why and what to do; for duplicate: the path it duplicates
 * @param documentId  the document id when indexed
 * @param type        the document class when indexed
 * @param pages       page count when indexed
 * @param batesFirst  first Bates number, or null
 * @param batesLast   last Bates number, or null
 * @param embedded    true for a document found inside another file (not counted as an input file)
 * @param ocrPages    how many pages were read by OCR
 * @param ocrConfidence the mean OCR word confidence over those pages (0 to 1), or null
 * @param textlessPages pages of a scan or image that came out with no text (OCR missing, failed or found nothing):
 *                    listed so nobody takes an empty page for a blank one; null or empty when there are none
 */
public record FileRecord(String path, String sha256, String status, String reason, String documentId, String type, int pages,
                         String batesFirst, String batesLast, boolean embedded, int ocrPages, Double ocrConfidence,
                         java.util.List<Integer> textlessPages) {
    public FileRecord {
        textlessPages = textlessPages == null ? java.util.List.of() : java.util.List.copyOf(textlessPages);
    }

    /** A record with no OCR figures. */
    public FileRecord(String path, String sha256, String status, String reason, String documentId, String type, int pages,
                      String batesFirst, String batesLast, boolean embedded) {
        this(path, sha256, status, reason, documentId, type, pages, batesFirst, batesLast, embedded, 0, null, null);
    }

    public static final String INDEXED = "indexed";
    public static final String DUPLICATE = "duplicate";
    public static final String QUARANTINED = "quarantined";
}
