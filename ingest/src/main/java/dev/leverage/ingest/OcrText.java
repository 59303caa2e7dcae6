package dev.leverage.ingest;

/** The commonest OCR confusions, undone where the letters around them leave no doubt. */
public final class OcrText {
    private OcrText() {
    }

    /**
     * Digits read for letters inside words: a zero touching a letter is an O ("Evidence r00m", "0fcr", "LAB0RAT0RY"),
     * a one between letters is an I or an l ("RECE1VED", "bott1e"), in the case of the letters around it.
     */
    public static String letters(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            char before = i > 0 ? b.charAt(i - 1) : ' ', after = i + 1 < b.length() ? b.charAt(i + 1) : ' ';
            boolean upper = Character.isUpperCase(before) || !Character.isLetter(before) && Character.isUpperCase(after);
            if (c == '0' && (Character.isLetter(before) || Character.isLetter(after))) b.setCharAt(i, upper ? 'O' : 'o');
            else if (c == '1' && Character.isLetter(before) && Character.isLetter(after)) b.setCharAt(i, upper ? 'I' : 'l');
        }
        return b.toString();
    }
}
