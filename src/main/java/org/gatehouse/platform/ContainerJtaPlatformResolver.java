package org.gatehouse.platform;

import org.hibernate.engine.transaction.jta.platform.internal.JBossAppServerJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.internal.StandardJtaPlatformResolver;
import org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformResolver;
import org.hibernate.service.spi.ServiceRegistryImplementor;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Map;

/**
 * Gives Hibernate the application server's transaction manager without naming a vendor in
 * persistence.xml: Payara publishes it at {@code java:appserver/TransactionManager}, WildFly at
 * {@code java:jboss/TransactionManager}; anything else falls back to Hibernate's own detection.
 */
public class ContainerJtaPlatformResolver implements JtaPlatformResolver {

    @Override
    @SuppressWarnings("rawtypes")
    public JtaPlatform resolveJtaPlatform(Map configurationValues, ServiceRegistryImplementor registry) {
        if (bound("java:appserver/TransactionManager")) {
            return new SunOneJtaPlatform();
        }
        if (bound("java:jboss/TransactionManager")) {
            return new JBossAppServerJtaPlatform();
        }
        return StandardJtaPlatformResolver.INSTANCE.resolveJtaPlatform(configurationValues, registry);
    }

    private static boolean bound(String name) {
        try {
            return new InitialContext().lookup(name) != null;
        } catch (NamingException e) {
            return false;
        }
    }
}
