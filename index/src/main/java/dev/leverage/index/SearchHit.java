package dev.leverage.index;

/**
 * One page matching a search: where it is, how well it matched, and the words around the match.
 *
 * @param document the document's path in the case
 * @param page     1-based page number
 * @param bates    the page's Bates number, or null
 * @param type     the document's class
 * @param score    relevance (higher is better; comparable only within one search)
 * @param snippet  the words around the match, matches between « and »
 * @param date     the earliest date of the events the page tells (ISO), or null
 * @param ocr      true when the page's text came from OCR (expect misspellings)
 * @param partial  true when the page has only some of the words typed (shown after the pages that have them all)
 * @param ocrConfidence for an OCRed page, Tesseract's mean word confidence (0 to 1), else null
 */
public record SearchHit(String document, int page, String bates, String type, float score, String snippet, String date, boolean ocr,
                        boolean partial, Double ocrConfidence) {
}
