package dev.leverage.extract.custody;

import dev.leverage.extract.Citation;

import java.time.LocalDateTime;

/**
 * One change (or record) of custody of one evidence item.
 *
 * @param item        the item's key ("1", "1A"), as resolved from "Item 1", "Exhibit 1", "Lab Item 1.1", tag "2024-00412-001"
 * @param time        when, or null when the record gives no time
 * @param releasedBy  who or what released it ("Dep. M. Keel #2217", "Temporary Evidence Locker 12"), or null
 * @param receivedBy  who or what received it, or null
 * @param purpose     why ("Transport to lab"), or null
 * @param location    where, or null
 * @param seal        seal number, or null
 * @param sealStatus  what the record says of the seal: intact, broken, resealed, not_inventoried; or null
 * @param count       unit count recorded, or null
 * @param weightGrams weight recorded, in grams, or null
 * @param weightKind  gross or net when the record says, else null
 * @param description item description as written, or null
 * @param action      what happened: seized, transfer, stored, submitted, lab_received, analyzed, opened, resealed, returned; or null
 * @param source      table, narrative or form
 * @param order       position of the record in its document (rows keep their written order)
 * @param citation    where it is written
 */
public record CustodyEvent(String item, LocalDateTime time, String releasedBy, String receivedBy, String purpose,
                           String location, String seal, String sealStatus, Integer count, Double weightGrams,
                           String weightKind, String description, String action, String source, int order,
                           Citation citation) {
    /** The same record for another item (a row or sentence that names several). */
    public CustodyEvent forItem(String other) {
        return new CustodyEvent(other, time, releasedBy, receivedBy, purpose, location, seal, sealStatus, count, weightGrams,
                weightKind, description, action, source, order, citation);
    }

    /** The same record at another time (a line dated by the entry or form it belongs to). */
    public CustodyEvent at(LocalDateTime when) {
        return new CustodyEvent(item, when, releasedBy, receivedBy, purpose, location, seal, sealStatus, count, weightGrams,
                weightKind, description, action, source, order, citation);
    }

    /** The same record with its handlers as a signature or label gives them. */
    public CustodyEvent withHandlers(String released, String received) {
        return new CustodyEvent(item, time, released, received, purpose, location, seal, sealStatus, count, weightGrams,
                weightKind, description, action, source, order, citation);
    }

    /** The same record at a place. */
    public CustodyEvent withLocation(String place) {
        return new CustodyEvent(item, time, releasedBy, receivedBy, purpose, place, seal, sealStatus, count, weightGrams,
                weightKind, description, action, source, order, citation);
    }

    /** The same record as another kind of step (a hand-off to a ledger's keeper is storage). */
    public CustodyEvent as(String other) {
        return new CustodyEvent(item, time, releasedBy, receivedBy, purpose, location, seal, sealStatus, count, weightGrams,
                weightKind, description, other, source, order, citation);
    }

    /** The same record cited to another passage (the line of a list that names its item). */
    public CustodyEvent citing(Citation other) {
        return new CustodyEvent(item, time, releasedBy, receivedBy, purpose, location, seal, sealStatus, count, weightGrams,
                weightKind, description, action, source, order, other);
    }
}
