package org.gatehouse.platform;

import java.util.Map;

/**
 * Properties every JAX-RS application of Gatehouse hands its runtime. They switch off what no
 * endpoint here uses and every request would otherwise pay for: Jersey's WADL (which also answered
 * {@code OPTIONS} with a description naming the exact Jersey build), its per-request Bean
 * Validation hook (no resource method takes constrained parameters; input rules live in the
 * features' own checks) and its statistics monitoring. They are Jersey's names, so on WildFly
 * (RESTEasy, which has none of these features on) they are simply not read.
 */
public final class RestSettings {

    public static final Map<String, Object> PROPERTIES = Map.of(
            "jersey.config.server.wadl.disableWadl", true,
            "jersey.config.beanValidation.disable.server", true,
            "jersey.config.server.monitoring.statistics.enabled", false,
            "jersey.config.server.monitoring.enabled", false);

    private RestSettings() {
    }
}
