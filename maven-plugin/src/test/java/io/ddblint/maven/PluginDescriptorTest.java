package io.ddblint.maven;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated descriptor is the goal's public contract: the prefix users type, the user properties and defaults the
 * README documents, thread safety for {@code mvn -T}. Checked here so that a renamed field cannot silently change it.
 */
class PluginDescriptorTest {

    @Test
    void goalPrefixPhaseThreadSafetyAndResolution() throws Exception {
        Element plugin = descriptor();
        Element mojo = mojo(plugin, "check");

        assertThat(text(plugin, "goalPrefix")).isEqualTo("ddb-lint");
        assertThat(text(plugin, "requiredMavenVersion")).isEqualTo("3.6.3");
        assertThat(text(mojo, "goal")).isEqualTo("check");
        assertThat(text(mojo, "phase")).isEqualTo("verify");
        assertThat(text(mojo, "threadSafe")).isEqualTo("true");
        assertThat(text(mojo, "requiresDependencyResolution")).isEqualTo("test");
    }

    @Test
    void everyParameterHasItsDocumentedPropertyAndDefault() throws Exception {
        Element configuration = (Element) mojo(descriptor(), "check").getElementsByTagName("configuration").item(0);
        Map<String, String> properties = new TreeMap<>();
        Map<String, String> defaults = new TreeMap<>();
        NodeList children = configuration.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && !e.getTextContent().isEmpty()) {
                properties.put(e.getTagName(), e.getTextContent());
                if (e.hasAttribute("default-value")) {
                    defaults.put(e.getTagName(), e.getAttribute("default-value"));
                }
            }
        }

        assertThat(properties).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry("baseline", "${ddb-lint.baseline}"),
                Map.entry("configLocation", "${ddb-lint.configLocation}"),
                Map.entry("docBaseUrl", "${ddb-lint.docBaseUrl}"),
                Map.entry("excludes", "${ddb-lint.excludes}"),
                Map.entry("failOnSeverity", "${ddb-lint.failOnSeverity}"),
                Map.entry("failOnViolation", "${ddb-lint.failOnViolation}"),
                Map.entry("formats", "${ddb-lint.formats}"),
                Map.entry("includeTests", "${ddb-lint.includeTests}"),
                Map.entry("includes", "${ddb-lint.includes}"),
                Map.entry("maxAllowedViolations", "${ddb-lint.maxAllowedViolations}"),
                Map.entry("outputDirectory", "${ddb-lint.outputDirectory}"),
                Map.entry("skip", "${ddb-lint.skip}"))));
        assertThat(defaults).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "failOnSeverity", "WARNING",
                "failOnViolation", "true",
                "formats", "sarif",
                "includeTests", "false",
                "maxAllowedViolations", "0",
                "outputDirectory", "${project.build.directory}/ddb-lint",
                "skip", "false")));
    }

    @Test
    void baselineGoalIsThreadSafeAndSharesTheInputParameters() throws Exception {
        Element mojo = mojo(descriptor(), "baseline");

        assertThat(text(mojo, "phase")).isNull();
        assertThat(text(mojo, "threadSafe")).isEqualTo("true");
        assertThat(text(mojo, "requiresDependencyResolution")).isEqualTo("test");
        Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
        Map<String, String> properties = new TreeMap<>();
        NodeList children = configuration.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && !e.getTextContent().isEmpty()) {
                properties.put(e.getTagName(), e.getTextContent());
            }
        }
        assertThat(properties).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "baseline", "${ddb-lint.baseline}",
                "configLocation", "${ddb-lint.configLocation}",
                "excludes", "${ddb-lint.excludes}",
                "includeTests", "${ddb-lint.includeTests}",
                "includes", "${ddb-lint.includes}",
                "skip", "${ddb-lint.skip}")));
    }

    private static Element mojo(Element plugin, String goal) {
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (goal.equals(text(mojo, "goal"))) {
                return mojo;
            }
        }
        throw new AssertionError("no goal " + goal + " in the plugin descriptor");
    }

    /** Written by maven-plugin-plugin's descriptor goal (process-classes), before the tests run. */
    private static Element descriptor() throws Exception {
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("META-INF/maven/plugin.xml on the test classpath").isNotNull();
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n.getParentNode() == parent) {
                return n.getTextContent().strip();
            }
        }
        return null;
    }
}
