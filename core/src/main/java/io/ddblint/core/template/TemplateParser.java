package io.ddblint.core.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parses a template's text into {@link TemplateNode} documents with positions. YAML goes through SnakeYAML's composer
 * (nodes, no object construction: no type is ever instantiated from a tag, and CloudFormation's short-form tags such
 * as {@code !Ref} or {@code !GetAtt} are kept as tags); JSON through Jackson's streaming parser, since SnakeYAML
 * rejects the tab indentation JSON allows. Both are bounded: nesting depth, number of nodes (aliases can multiply a
 * small file), scalar size (through the file size bound of the caller).
 */
final class TemplateParser {

    /** CloudFormation templates are rarely nested 20 deep; past this the file is not read as a template. */
    static final int MAX_DEPTH = 64;
    /** Nodes per file, aliases expanded: a 1 MB template has far fewer; an alias bomb has far more. */
    static final int MAX_NODES = 200_000;
    /** Characters on one line of YAML; see {@link #checkLineLengths}. */
    static final int MAX_YAML_LINE = 64 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Why a file could not be read as YAML or JSON, and where (1-based; 0 when unknown). */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    private int nodes;

    private TemplateParser() {
    }

    /** A file's documents, and whether it was read as JSON (whose keys are quoted). */
    record Parsed(List<TemplateNode> documents, boolean json) {
    }

    /**
     * The documents of a file: JSON when it looks like JSON (a {@code .json} name or a leading brace), else YAML.
     */
    static Parsed parse(String text, boolean jsonName) throws SyntaxError {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        boolean looksJson = body.stripLeading().startsWith("{");
        if (jsonName || looksJson) {
            try {
                return new Parsed(List.of(new TemplateParser().json(body)), true);
            } catch (SyntaxError e) {
                if (jsonName) {
                    throw e;
                }
                // A YAML flow mapping at the top ("{a: b}") is not JSON; read it as the YAML it is.
            }
        }
        return new Parsed(new TemplateParser().yaml(body), false);
    }

    private List<TemplateNode> yaml(String text) throws SyntaxError {
        checkLineLengths(text);
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowRecursiveKeys(false);
        List<TemplateNode> documents = new ArrayList<>();
        try {
            // The composer alone: a Yaml facade would also build a constructor and a representer on every file.
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                    new Resolver(), options);
            while (composer.checkNode()) {
                Node root = composer.getNode();
                if (root != null) {
                    documents.add(convert(root, 0));
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new SyntaxError("not valid YAML: " + firstLine(problem), mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1);
        } catch (YAMLException e) {
            throw new SyntaxError("not valid YAML: " + firstLine(e.getMessage()), 0, 0);
        } catch (StackOverflowError e) {
            throw new SyntaxError("nested too deeply to be read as a template", 0, 0);
        }
        return documents;
    }

    /**
     * SnakeYAML scans one long token in time quadratic in its length (900 KB on one line: seconds); no YAML template
     * has such lines, so they are refused up front. JSON, minified on one line, goes through Jackson instead.
     */
    private static void checkLineLengths(String text) throws SyntaxError {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_YAML_LINE) {
                    throw new SyntaxError("a line longer than " + MAX_YAML_LINE / 1024
                            + " KB: not read as a YAML template", line, 1);
                }
                line++;
                start = i + 1;
            }
        }
    }

    private TemplateNode convert(Node node, int depth) throws SyntaxError {
        if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
            throw tooComplex(node.getStartMark());
        }
        int line = node.getStartMark().getLine() + 1;
        int column = node.getStartMark().getColumn() + 1;
        String tag = tag(node.getTag());
        if (node instanceof ScalarNode s) {
            return new TemplateNode.Scalar(tag, Tag.NULL.equals(s.getTag()) ? null : s.getValue(), line, column);
        }
        if (node instanceof SequenceNode s) {
            List<TemplateNode> items = new ArrayList<>();
            for (Node item : s.getValue()) {
                items.add(convert(item, depth + 1));
            }
            return new TemplateNode.Sequence(tag, items, line, column);
        }
        MappingNode m = (MappingNode) node;
        List<TemplateNode.Entry> entries = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            TemplateNode value = convert(t.getValueNode(), depth + 1);
            if (convert(t.getKeyNode(), depth + 1) instanceof TemplateNode.Scalar key && key.value() != null) {
                entries.add(new TemplateNode.Entry(key, value));
            }
        }
        return new TemplateNode.Mapping(tag, entries, line, column);
    }

    /** {@code Ref} for a local tag {@code !Ref}; null for YAML's own tags ({@code !!str}, implicit ones). */
    private static String tag(Tag tag) {
        String value = tag == null ? null : tag.getValue();
        return value != null && value.startsWith("!") && !value.startsWith("!!") ? value.substring(1) : null;
    }

    private static SyntaxError tooComplex(Mark mark) {
        return new SyntaxError("more than " + MAX_NODES + " values or nested deeper than " + MAX_DEPTH
                + " levels: not read as a template", mark == null ? 0 : mark.getLine() + 1,
                mark == null ? 0 : mark.getColumn() + 1);
    }

    private TemplateNode json(String text) throws SyntaxError {
        Deque<Frame> stack = new ArrayDeque<>();
        TemplateNode root = null;
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                JsonLocation at = p.currentTokenLocation();
                int line = at.getLineNr();
                int column = at.getColumnNr();
                if (++nodes > MAX_NODES) {
                    throw new SyntaxError("more than " + MAX_NODES + " values: not read as a template", line, column);
                }
                TemplateNode done = null;
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (stack.size() >= MAX_DEPTH) {
                            throw new SyntaxError("nested deeper than " + MAX_DEPTH
                                    + " levels: not read as a template", line, column);
                        }
                        stack.push(new Frame(token == JsonToken.START_OBJECT, line, column));
                    }
                    case FIELD_NAME -> stack.peek().key = new TemplateNode.Scalar(null, p.currentName(), line, column);
                    case END_OBJECT, END_ARRAY -> done = stack.pop().build();
                    case VALUE_NULL -> done = new TemplateNode.Scalar(null, null, line, column);
                    default -> done = new TemplateNode.Scalar(null, p.getText(), line, column);
                }
                if (done != null) {
                    if (stack.isEmpty()) {
                        root = done;
                        if (p.nextToken() != null) {
                            JsonLocation extra = p.currentTokenLocation();
                            throw new SyntaxError("not valid JSON: text after the end of the document",
                                    extra.getLineNr(), extra.getColumnNr());
                        }
                        break;
                    }
                    stack.peek().add(done);
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SyntaxError("not valid JSON: " + firstLine(e.getOriginalMessage()),
                    at == null ? 0 : Math.max(0, at.getLineNr()), at == null ? 0 : Math.max(0,
                    at.getColumnNr()));
        } catch (IOException e) {
            throw new SyntaxError("not valid JSON: " + firstLine(e.getMessage()), 0, 0);
        }
        if (root == null) {
            throw new SyntaxError("not valid JSON: no value", 0, 0);
        }
        return root;
    }

    /** An object or array being read. */
    private static final class Frame {
        private final boolean object;
        private final int line;
        private final int column;
        private final List<TemplateNode> items = new ArrayList<>();
        private final List<TemplateNode.Entry> entries = new ArrayList<>();
        private TemplateNode.Scalar key;

        Frame(boolean object, int line, int column) {
            this.object = object;
            this.line = line;
            this.column = column;
        }

        void add(TemplateNode value) {
            if (object) {
                entries.add(new TemplateNode.Entry(key, value));
                key = null;
            } else {
                items.add(value);
            }
        }

        TemplateNode build() {
            return object ? new TemplateNode.Mapping(null, entries, line, column)
                    : new TemplateNode.Sequence(null, items, line, column);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }
}
