package dev.leverage.extract;

/**
 * A span of a page that names something: a person, a badge, an evidence item, a seal, a quantity, a weight or
 * a time.
 *
 * @param type     person | badge | item | seal | quantity | weight | time
 * @param text     the span as written
 * @param value    a normalised value (a person's name without title, a badge's digits, an item's key), or null
 * @param role     for people: officer, k9_handler, evidence_technician, analyst, witness, defendant, ...; else null
 * @param badge    for people: the badge number written with the name, else null
 * @param source   where it was found: sentence text as quote, page and document
 * @param start    character offset of the span in the page text
 * @param end      end offset (exclusive)
 * @param origin   what found it: "model" (trained name finder), "rule" or "table"
 */
public record Mention(String type, String text, String value, String role, String badge, Citation source,
                      int start, int end, String origin) {
}
