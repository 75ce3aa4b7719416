package io.ddblint.spotbugs;

import io.ddblint.core.rule.BuiltInRules;
import io.ddblint.core.rule.RuleDescriptor;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated findbugs.xml and messages.xml (target/classes, as the build wrote them) have one pattern per rule
 * that can report, with its texts, and are valid against SpotBugs' own schemas.
 */
class PluginDescriptorTest {

    @Test
    void everyRegisteredRuleAndBuiltInFindingHasItsPattern() throws Exception {
        List<String> expected = new ArrayList<>();
        RuleRegistry.loadDefault().descriptors().forEach(d -> expected.add(BugTypes.of(d.id())));
        BuiltInRules.all().forEach(d -> expected.add(BugTypes.of(d.id())));
        assertThat(expected).contains("DDB_P001");

        Document plugin = read("/findbugs.xml");
        List<Element> patterns = elements(plugin, "BugPattern");
        assertThat(patterns).extracting(e -> e.getAttribute("type")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(patterns).allSatisfy(e -> {
            assertThat(e.getAttribute("abbrev")).isEqualTo("DDB");
            assertThat(e.getAttribute("category")).isEqualTo("DYNAMODB");
        });
        Element detector = elements(plugin, "Detector").get(0);
        assertThat(detector.getAttribute("class")).isEqualTo(DdbLintDetector.class.getName());
        assertThat(detector.getAttribute("reports").split(",")).containsExactlyInAnyOrderElementsOf(expected);

        Map<String, Element> messages = elements(read("/messages.xml"), "BugPattern").stream()
                .collect(Collectors.toMap(e -> e.getAttribute("type"), e -> e));
        assertThat(messages.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        for (RuleDescriptor rule : PluginDescriptorGenerator.patterns(RuleRegistry.loadDefault())) {
            Element m = messages.get(BugTypes.of(rule.id()));
            assertThat(text(m, "ShortDescription")).isEqualTo(rule.id() + " " + rule.summary());
            assertThat(text(m, "LongDescription")).contains(rule.id(), "{1}");
            assertThat(text(m, "Details")).contains("<p>").contains("Why");
        }
    }

    @Test
    void bothFilesAreValidAgainstSpotBugsSchemas() throws Exception {
        validate("/findbugs.xml", "/findbugsplugin.xsd");
        validate("/messages.xml", "/messagecollection.xsd");
    }

    private static void validate(String file, String schema) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream xsd = edu.umd.cs.findbugs.Detector.class.getResourceAsStream(schema);
             InputStream xml = PluginDescriptorTest.class.getResourceAsStream(file)) {
            assertThat(xsd).as(schema).isNotNull();
            assertThat(xml).as(file).isNotNull();
            factory.newSchema(new StreamSource(xsd)).newValidator().validate(new StreamSource(xml));
        }
    }

    private static Document read(String resource) throws Exception {
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " generated into target/classes").isNotNull();
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getDocumentElement().getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getParentNode() == doc.getDocumentElement()) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element e, String child) {
        return e.getElementsByTagName(child).item(0).getTextContent();
    }
}
