package org.gatehouse.it;

import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The one deployment of the whole integration suite: the real WAR the build produced, deployed
 * once to one Payara Micro; every test talks to it over HTTP as a client would.
 */
@ArquillianSuiteDeployment
public class Deployments {

    @Deployment(testable = false)
    public static WebArchive gatehouse() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }
}
