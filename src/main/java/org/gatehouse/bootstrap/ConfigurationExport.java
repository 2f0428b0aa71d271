package org.gatehouse.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import org.gatehouse.platform.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.gatehouse.client.AuthMethod;
import org.gatehouse.client.Client;
import org.gatehouse.playground.PlaygroundClients;
import org.gatehouse.scope.Scope;
import org.gatehouse.user.Account;

import java.io.StringWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration as an import file ({@link ImportFile}'s format, written here next to the
 * reader so the two cannot drift): scopes, clients and accounts, for a backup of what
 * administrators set up or to seed another server. <b>No secret leaves</b>: no client secret,
 * password or hash, no registration access token. Importing the file into the same server
 * changes nothing; into another one, a new confidential client needs its {@code secret} and a new
 * account its {@code password} added first (the import refuses them without, naming the entry).
 * The playground's two clients are left out (every server registers its own).
 */
@ApplicationScoped
public class ConfigurationExport {

    @PersistenceContext
    EntityManager em;

    @Transactional
    public String export() {
        return write(em.createQuery("select s from Scope s order by s.name", Scope.class).getResultList(),
                em.createQuery("select c from Client c order by c.clientId", Client.class).getResultList(),
                em.createQuery("select a from Account a order by a.username", Account.class).getResultList());
    }

    /** Pure: the import file for these rows, pretty-printed. */
    static String write(List<Scope> scopes, List<Client> clients, List<Account> accounts) {
        JsonArrayBuilder s = JsonSupport.PROVIDER.createArrayBuilder();
        scopes.forEach(x -> s.add(JsonSupport.PROVIDER.createObjectBuilder().add("name", x.getName()).add("description", x.getDescription())));
        JsonArrayBuilder c = JsonSupport.PROVIDER.createArrayBuilder();
        for (Client x : clients) {
            if (PlaygroundClients.CONFIDENTIAL_ID.equals(x.getClientId()) || PlaygroundClients.PUBLIC_ID.equals(x.getClientId())) {
                continue;
            }
            JsonObjectBuilder o = JsonSupport.PROVIDER.createObjectBuilder()
                    .add("clientId", x.getClientId())
                    .add("name", x.getName())
                    .add("type", x.getType().name().toLowerCase())
                    .add("authMethod", (x.getAuthMethod() == null ? AuthMethod.NONE : x.getAuthMethod()).wireName())
                    .add("grantTypes", array(x.getGrantTypes()))
                    .add("redirectUris", array(x.getRedirectUris()))
                    .add("postLogoutRedirectUris", array(x.getPostLogoutRedirectUris()))
                    .add("allowedScopes", array(x.getAllowedScopes()))
                    .add("defaultScopes", array(x.getDefaultScopes()))
                    .add("requirePkce", x.isRequirePkce())
                    .add("enabled", x.isEnabled());
            if (x.getAccessTokenTtlSeconds() != null) {
                o.add("accessTokenTtl", Duration.ofSeconds(x.getAccessTokenTtlSeconds()).toString());
            }
            if (x.getRefreshTokenTtlSeconds() != null) {
                o.add("refreshTokenTtl", Duration.ofSeconds(x.getRefreshTokenTtlSeconds()).toString());
            }
            c.add(o);
        }
        JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
        for (Account x : accounts) {
            JsonObjectBuilder o = JsonSupport.PROVIDER.createObjectBuilder().add("username", x.getUsername());
            if (x.getDisplayName() != null) {
                o.add("displayName", x.getDisplayName());
            }
            if (x.getEmail() != null) {
                o.add("email", x.getEmail()).add("emailVerified", x.isEmailVerified());
            }
            a.add(o.add("roles", array(x.getRoles().stream().sorted().toList())).add("enabled", x.isEnabled()));
        }
        JsonObject file = JsonSupport.PROVIDER.createObjectBuilder().add("scopes", s).add("clients", c).add("accounts", a).build();
        StringWriter out = new StringWriter();
        try (var writer = JsonSupport.PROVIDER.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(file);
        }
        return out.toString().trim() + "\n";
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder b = JsonSupport.PROVIDER.createArrayBuilder();
        (values instanceof Set<String> set ? set.stream().sorted().toList() : List.copyOf(values)).forEach(b::add);
        return b;
    }
}
