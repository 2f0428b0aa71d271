package org.gatehouse.token;

import org.gatehouse.platform.Secrets;

import java.util.regex.Pattern;

/** RFC 7636 §4.1 and §4.6: the verifier's syntax, and S256 verification in constant time. */
public final class Pkce {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    public static boolean verifies(String verifier, String challenge) {
        return verifier != null && VERIFIER.matcher(verifier).matches()
                && Secrets.constantTimeEquals(Secrets.sha256(verifier), challenge);
    }
}
