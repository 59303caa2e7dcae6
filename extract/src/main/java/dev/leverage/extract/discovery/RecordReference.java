package dev.leverage.extract.discovery;

import dev.leverage.extract.Citation;

/**
 * What one line of a document says about a record the state holds: that it should exist (an officer placed on
 * scene had a camera, a dog's alert is relied on, a supplement is cited by number) or that it is in the production
 * (this document is the K9 training log; the prosecutor's index lists the in-car video of Unit 214).
 *
 * @param kind     recording | dispatch_audio | k9 | lab | custody | informant | warrant | cited_document, or
 *                 "scene" (a person or unit placed at the scene) and "unit" (a unit paired with a person)
 * @param role     basis (the record should exist), produced (it is in the production), none (it does not exist:
 *                 "deputies are not issued body-worn cameras"), cancelled (a unit called off before it arrived),
 *                 alias (for "unit": the unit's officer)
 * @param subject  whose or which: an officer's surname or a unit, an informant's identifier, a cited number; or null
 * @param record   which record: video, interview, 911, radio, training, bench_notes, affidavit, ...; for a "unit"
 *                 alias, the officer's surname; for a cited document, the reference as written
 * @param citation the line it rests on
 */
public record RecordReference(String kind, String role, String subject, String record, Citation citation) {
    public static final String BASIS = "basis";
    public static final String PRODUCED = "produced";
    public static final String NONE = "none";
    public static final String CANCELLED = "cancelled";
    /** An officer of another agency than the document's (subject: surname, record: the agency as written). */
    public static final String OUTSIDE = "outside";
    /** A person a police agency's own document places on scene: record is that agency. */
    public static final String MEMBER = "member";
    public static final String ALIAS = "alias";
}
