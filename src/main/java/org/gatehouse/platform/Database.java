package org.gatehouse.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one datasource, chosen by configuration only: H2 in a file under the data directory by
 * default, PostgreSQL (or any JDBC database Flyway and Hibernate know) by setting
 * {@code gatehouse.db.*}. Payara resolves the {@code MPCONFIG} placeholders; WildFly ignores them
 * and uses the same-named datasource from {@code WEB-INF/jboss-web.xml} instead.
 * <p>
 * The pool survives the database going away and coming back without a restart (Payara's pool
 * properties): every connection is checked ({@code Connection.isValid}, JDBC 4) before it is
 * handed out; when one check fails the pool drops all its connections and opens new ones, so
 * none broken by an outage is used again; a request waits at most 10 s for a free connection.
 * What a request meets while the database is away is answered 503 (see
 * {@code error.DatabaseUnavailable}).
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=gatehouse.db.datasource-class}",
        url = "${MPCONFIG=gatehouse.db.url}",
        user = "${MPCONFIG=gatehouse.db.user}",
        password = "${MPCONFIG=gatehouse.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=10000"
        })
@ApplicationScoped
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/gatehouse";
}
