package org.gatehouse.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;

/** Registers the Flow Playground as a client (filled in by the playground feature). */
@ApplicationScoped
public class PlaygroundRegistration {

    public void register() {
        // replaced by the playground feature
    }
}
