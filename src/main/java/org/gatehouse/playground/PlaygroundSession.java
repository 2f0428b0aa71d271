package org.gatehouse.playground;

import jakarta.enterprise.context.SessionScoped;
import org.gatehouse.platform.Secrets;

import java.io.Serializable;

/**
 * One browser session's playground: its flow state and the token that every state-changing call
 * from the page must echo in a header (a cross-site page can neither read it nor set the header).
 */
@SessionScoped
public class PlaygroundSession implements Serializable {

    private volatile FlowState state = new FlowState();
    private final String csrfToken = Secrets.random(24);

    public FlowState state() {
        return state;
    }

    /** Takes over a run parked across a sign-out ({@link PlaygroundSignOut}); this session's own is dropped. */
    void adopt(FlowState parked) {
        state = parked;
    }

    public String csrfToken() {
        return csrfToken;
    }

    boolean csrfMatches(String presented) {
        return Secrets.constantTimeEquals(csrfToken, presented);
    }
}
