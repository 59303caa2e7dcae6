package dev.leverage.routes.cli;

import dev.leverage.routes.CaseStore;
import dev.leverage.routes.server.Access;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administration commands behind the server: users, grants and the audit log, as an administrator runs them. */
class ServerCommandsTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LeverageCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void usersGrantsAndAuditFromTheCommandLine(@TempDir Path data) throws Exception {
        String d = data.toString();
        Run add = run("user", "add", "maria", "--admin", "--data", d);
        assertEquals(0, add.code(), add.err());
        String token = add.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(token.startsWith("lev_") && token.length() > 40, add.out());
        assertTrue(Access.open(new CaseStore(data)).authenticate(token).isPresent());
        assertFalse(Files.readString(data.resolve("access.json")).contains(token), "the token itself is not stored");

        Run dup = run("user", "add", "maria", "--data", d);
        assertEquals(2, dup.code());
        assertEquals(1, dup.err().strip().lines().count(), "one sentence: " + dup.err());

        Run fresh = run("user", "token", "maria", "--data", d);
        assertEquals(0, fresh.code());
        assertFalse(Access.open(new CaseStore(data)).authenticate(token).isPresent(), "a new token retires the old one");

        Run grant = run("case", "grant", "no-such-case", "maria", "--data", d);
        assertEquals(2, grant.code());
        assertTrue(grant.err().contains("no case"), grant.err());
        assertFalse(grant.err().contains("Exception"), grant.err());

        Run badUser = run("user", "add", "../x", "--data", d);
        assertEquals(2, badUser.code());

        Run audit = run("audit", "--verify", "--data", d);
        assertEquals(0, audit.code(), audit.err());
        Files.writeString(data.resolve("audit.log"), "{\"seq\":1,\"prev\":\"forged\"}\n");
        Run broken = run("audit", "--verify", "--data", d);
        assertEquals(2, broken.code());
        assertTrue(broken.err().contains("Line 1"), broken.err());
    }
}
