package org.gatehouse.user;

import java.io.Serializable;
import java.util.Set;

/** Who is signed in on this browser session; kept in the (replicable) HTTP session. */
public record SessionCaller(long accountId, String username, Set<String> roles) implements Serializable {

    public static final String ATTRIBUTE = "gatehouse.caller";
}
