package org.gatehouse.it;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core (Deque's accessibility engine, run inside the page by Selenium) against the page a
 * {@link Browser} shows: WCAG 2.1 A and AA rules, and a test fails on any violation axe rates
 * serious or critical, naming the rule, what it asks and the elements that break it.
 */
public final class Accessibility {

    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FAILING = Set.of("serious", "critical");

    private Accessibility() {
    }

    /** Scans the current page; {@code page} names it in the failure message. */
    public static void assertNoSeriousViolations(Browser browser, String page) {
        browser.loaded();
        Results results = new AxeBuilder().withTags(TAGS).analyze(browser.driver());
        assertNotNull(results.getPasses(), "axe ran on " + page);
        assertTrue(results.getErrorMessage() == null || results.getErrorMessage().isEmpty(),
                "axe could not scan " + page + ": " + results.getErrorMessage());
        assertTrue(!results.getPasses().isEmpty(), "axe checked rules on " + page);
        List<Rule> serious = results.getViolations().stream().filter(r -> FAILING.contains(r.getImpact())).toList();
        assertTrue(serious.isEmpty(), page + " (" + browser.url() + ") has serious accessibility violations:\n"
                + serious.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n    "
                + rule.getNodes().stream().limit(5).map(Accessibility::target).collect(Collectors.joining("\n    "));
    }

    private static String target(CheckedNode node) {
        return node.getTarget() + " " + (node.getFailureSummary() == null ? "" : node.getFailureSummary().replace('\n', ' '));
    }
}
