package io.ddblint.core.template;

import java.util.List;
import java.util.Optional;

/**
 * A template document as a small tree with positions, the same for YAML and JSON. Only what reading tables needs is
 * kept: a node's CloudFormation tag ({@code Ref} for {@code !Ref}, null for plain YAML or JSON data) and its 1-based
 * line and column.
 */
sealed interface TemplateNode {

    /** The short-form intrinsic function this node is tagged with ({@code Sub} for {@code !Sub}), or null. */
    String tag();

    int line();

    int column();

    /**
     * A scalar.
     *
     * @param value the text as written, unquoted; null for a YAML/JSON null
     */
    record Scalar(String tag, String value, int line, int column) implements TemplateNode {
    }

    record Sequence(String tag, List<TemplateNode> items, int line, int column) implements TemplateNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A mapping whose keys are scalars (entries with other keys are left out: no template uses them). */
    record Mapping(String tag, List<Entry> entries, int line, int column) implements TemplateNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        /** The value of the first entry with this key. */
        Optional<TemplateNode> get(String key) {
            return entry(key).map(Entry::value);
        }

        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> key.equals(e.key().value())).findFirst();
        }
    }

    record Entry(Scalar key, TemplateNode value) {
    }
}
