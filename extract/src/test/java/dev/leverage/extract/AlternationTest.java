package dev.leverage.extract;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The rewritten alternation finds exactly what the original finds, where and as long, on text made to tempt both. */
class AlternationTest {
    private static final String TITLES = "Deputy|Dep\\.?|Officer|[O0]fc\\.?|P\\.[O0]\\.|Det\\.?|Detective|Special\\s+Agent|Sgt\\.?|Sergeant|C/O|Dr\\.|Agent";

    @Test
    void findsWhatTheOriginalFindsOnRandomText() {
        String[] pieces = {"Deputy ", "Dep. ", "Det ", "Detective ", "0fc. ", "Ofc ", "P.O. ", "P.0. ", "special  agent ", "SGT. ", "sergeant ",
                "C/O ", "Dr. ", "Agent ", "Dept ", "Detect ", "officers ", "x ", ", ", "\n", "DEPUTY ", "o", "D"};
        Random random = new Random(7);
        for (boolean ci : new boolean[]{true, false}) {
            Pattern original = Pattern.compile((ci ? "(?i)" : "") + "(?<![\\p{L}])(?:" + TITLES + ")[ \\t]+[A-Z]\\w*");
            Pattern rewritten = Pattern.compile((ci ? "(?i)" : "") + "(?<![\\p{L}])" + Alternation.dispatch(TITLES, ci) + "[ \\t]+[A-Z]\\w*");
            for (int n = 0; n < 2000; n++) {
                StringBuilder text = new StringBuilder();
                for (int k = 0; k < 12; k++) text.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? "Keel " : "");
                assertEquals(matches(original, text.toString()), matches(rewritten, text.toString()), text.toString());
            }
        }
    }

    @Test
    void anAlternationItCannotReadIsLeftAsItWas() {
        assertEquals("(?:(?:game\\s+)?warden|ranger)", Alternation.dispatch("(?:game\\s+)?warden|ranger", true));
        assertEquals("(?:s?ection|x)", Alternation.dispatch("s?ection|x", false));
        assertEquals("(?:\\s+a|b)", Alternation.dispatch("\\s+a|b", false));
        assertNotEquals("(?:a|b)", Alternation.dispatch("a|b", false));
        assertEquals(List.of("a(?:b|c)", "[|]", "d\\|e"), Alternation.split("a(?:b|c)|[|]|d\\|e"));
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.start() + ":" + m.group());
        return out;
    }
}
