package org.gatehouse.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one datasource, chosen by configuration only: H2 in a file under the data directory by
 * default, PostgreSQL (or any JDBC database Flyway and Hibernate know) by setting
 * {@code gatehouse.db.*}. Payara resolves the {@code MPCONFIG} placeholders; WildFly ignores them
 * and uses the same-named datasource from {@code WEB-INF/jboss-web.xml} instead.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=gatehouse.db.datasource-class}",
        url = "${MPCONFIG=gatehouse.db.url}",
        user = "${MPCONFIG=gatehouse.db.user}",
        password = "${MPCONFIG=gatehouse.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
@ApplicationScoped
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/gatehouse";
}
