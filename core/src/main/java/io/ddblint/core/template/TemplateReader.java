package io.ddblint.core.template;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.SourceRange;
import io.ddblint.core.facts.Location;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.TableDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the DynamoDB tables of one parsed template: {@code AWS::DynamoDB::Table} and {@code AWS::DynamoDB::GlobalTable}
 * (TableName, KeySchema, AttributeDefinitions, GlobalSecondaryIndexes, LocalSecondaryIndexes) and SAM's
 * {@code AWS::Serverless::SimpleTable} (TableName, PrimaryKey). A document without a {@code Resources} mapping is not
 * a template and yields nothing. What only a deployment decides (an intrinsic function where a name or key is) makes
 * the table a {@link SkippedTable}; what CloudFormation would reject (a KeySchema without a HASH key) is a problem.
 */
final class TemplateReader {

    static final String TABLE = "AWS::DynamoDB::Table";
    static final String GLOBAL_TABLE = "AWS::DynamoDB::GlobalTable";
    static final String SIMPLE_TABLE = "AWS::Serverless::SimpleTable";

    /** SAM's SimpleTable key when PrimaryKey is left out: {@code id}, a String. */
    private static final KeyAttribute SIMPLE_TABLE_DEFAULT_KEY = new KeyAttribute("id", "S");
    /** What DynamoDB accepts as a table name. */
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Map<String, String> SAM_TYPES = Map.of("String", "S", "Number", "N", "Binary", "B");

    /** What one file gave. */
    record Outcome(List<TableDefinition> definitions, List<SkippedTable> skipped, List<AnalysisProblem> problems) {
    }

    /** The table cannot be read without deploying: skipped and counted. */
    private static final class Unknown extends Exception {
        private static final long serialVersionUID = 1L;

        Unknown(String reason) {
            super(reason, null, false, false);
        }
    }

    /** CloudFormation would reject the resource: a problem at the node. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient TemplateNode at;

        Invalid(String message, TemplateNode at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private final String path;
    private final boolean json;
    private final List<TableDefinition> definitions = new ArrayList<>();
    private final List<SkippedTable> skipped = new ArrayList<>();
    private final List<AnalysisProblem> problems = new ArrayList<>();

    private TemplateReader(String path, boolean json) {
        this.path = path;
        this.json = json;
    }

    static Outcome read(String path, TemplateParser.Parsed parsed) {
        TemplateReader reader = new TemplateReader(path, parsed.json());
        for (TemplateNode document : parsed.documents()) {
            reader.document(document);
        }
        return new Outcome(List.copyOf(reader.definitions), List.copyOf(reader.skipped),
                List.copyOf(reader.problems));
    }

    private void document(TemplateNode document) {
        if (!(document instanceof TemplateNode.Mapping root)) {
            return;
        }
        TemplateNode resources = root.get("Resources").orElse(null);
        if (resources == null && root.get("resources").orElse(null) instanceof TemplateNode.Mapping framework) {
            // The Serverless Framework's serverless.yml holds a CloudFormation fragment under resources.Resources.
            resources = framework.get("Resources").orElse(null);
        }
        if (!(resources instanceof TemplateNode.Mapping mapping)) {
            return; // not a template: a YAML or JSON file that only mentions a DynamoDB type
        }
        for (TemplateNode.Entry resource : mapping.entries()) {
            if (!(resource.value() instanceof TemplateNode.Mapping body)) {
                continue;
            }
            String type = plainString(body.get("Type").orElse(null)).orElse(null);
            if (type == null || !(type.equals(TABLE) || type.equals(GLOBAL_TABLE) || type.equals(SIMPLE_TABLE))) {
                continue;
            }
            String logicalId = resource.key().value();
            try {
                definitions.add(type.equals(SIMPLE_TABLE) ? simpleTable(resource.key(), body, type)
                        : table(resource.key(), body, type));
            } catch (Unknown e) {
                skipped.add(new SkippedTable(path, resource.key().line(), logicalId, type, e.getMessage()));
            } catch (Invalid e) {
                TemplateNode at = e.at == null ? resource.key() : e.at;
                problems.add(new AnalysisProblem(AnalysisProblem.Kind.PARSE_ERROR, path,
                        SourceRange.at(at.line(), at.column()), type + " " + logicalId + ": " + e.getMessage()
                        + "; the table was not read into the model"));
            }
        }
    }

    private TableDefinition table(TemplateNode.Scalar id, TemplateNode.Mapping body, String type)
            throws Unknown, Invalid {
        TemplateNode.Mapping properties = properties(body, id, true);
        String name = tableName(properties);
        Map<String, String> types = attributeTypes(properties.get("AttributeDefinitions").orElse(null));
        KeySchema keys = keySchema(properties, id, "KeySchema", types);
        List<IndexDefinition> indexes = new ArrayList<>();
        indexes(properties, "GlobalSecondaryIndexes", IndexDefinition.Kind.GLOBAL, types, indexes);
        indexes(properties, "LocalSecondaryIndexes", IndexDefinition.Kind.LOCAL, types, indexes);
        return new TableDefinition(name, keys, indexes, source(id, type));
    }

    private TableDefinition simpleTable(TemplateNode.Scalar id, TemplateNode.Mapping body, String type)
            throws Unknown, Invalid {
        TemplateNode.Mapping properties = properties(body, id, false);
        String name = tableName(properties);
        TemplateNode primaryKey = properties.get("PrimaryKey").orElse(null);
        KeyAttribute key;
        if (primaryKey == null) {
            key = SIMPLE_TABLE_DEFAULT_KEY;
        } else if (intrinsic(primaryKey)) {
            throw new Unknown("PrimaryKey is " + describe(primaryKey));
        } else if (!(primaryKey instanceof TemplateNode.Mapping pk)) {
            throw new Invalid("PrimaryKey is not a mapping of Name and Type", primaryKey);
        } else {
            String keyName = requiredString(pk, "Name", "PrimaryKey", primaryKey);
            String samType = requiredString(pk, "Type", "PrimaryKey", primaryKey);
            String dynamoType = SAM_TYPES.get(samType);
            if (dynamoType == null) {
                throw new Invalid("PrimaryKey Type '" + samType + "' is not String, Number or Binary",
                        pk.get("Type").orElse(primaryKey));
            }
            key = new KeyAttribute(keyName, dynamoType);
        }
        return new TableDefinition(name, new KeySchema(key, null), List.of(), source(id, type));
    }

    private ModelSource source(TemplateNode.Scalar id, String type) {
        int width = id.value().length() + (json ? 2 : 0); // a JSON key's position is its opening quote
        SourceRange range = new SourceRange(id.line(), id.column(), id.line(), id.column() + Math.max(0, width - 1));
        return new ModelSource(ModelSource.Kind.CLOUDFORMATION, new Location(path, range), id.value(), null,
                id.value() + ": " + type);
    }

    /** The resource's Properties; an empty mapping when a SimpleTable has none. */
    private static TemplateNode.Mapping properties(TemplateNode.Mapping body, TemplateNode.Scalar id, boolean required)
            throws Unknown, Invalid {
        TemplateNode properties = body.get("Properties").orElse(null);
        if (properties == null || isNull(properties)) {
            if (required) {
                throw new Invalid("no Properties, so no KeySchema", id);
            }
            return new TemplateNode.Mapping(null, List.of(), id.line(), id.column());
        }
        if (intrinsic(properties)) {
            throw new Unknown("Properties is " + describe(properties));
        }
        if (!(properties instanceof TemplateNode.Mapping m)) {
            throw new Invalid("Properties is not a mapping", properties);
        }
        return m;
    }

    // LIMITATION: a TableName that is !Ref to a parameter is skipped even when the parameter has a Default: the
    // parameter exists so that deployments can name the table otherwise, and linking call sites to the default would
    // judge them against a table that may not be the one they use. Names that are constants in disguise (!Sub with no
    // ${...}, !Join of literals) are read.
    private static String tableName(TemplateNode.Mapping properties) throws Unknown {
        TemplateNode node = properties.get("TableName").orElse(null);
        if (node == null || isNull(node)) {
            throw new Unknown("no TableName: CloudFormation generates the name at deployment");
        }
        String name = constantString(node).orElseThrow(() -> new Unknown("TableName is " + describe(node)
                + ", not a constant"));
        if (!TABLE_NAME.matcher(name).matches()) {
            // ${self:custom.table} of the Serverless Framework, say: another tool's variable, resolved at deployment.
            throw new Unknown("TableName '" + shorten(name) + "' is no DynamoDB table name (3 to 255 of a-z, A-Z,"
                    + " 0-9, '_', '-', '.'): a variable resolved at deployment?");
        }
        return name;
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static KeySchema keySchema(TemplateNode.Mapping owner, TemplateNode at, String what,
                                       Map<String, String> types) throws Unknown, Invalid {
        TemplateNode node = owner.get("KeySchema").orElse(null);
        if (node == null || isNull(node)) {
            throw new Invalid(what + " is missing", at);
        }
        if (intrinsic(node)) {
            throw new Unknown(what + " is " + describe(node));
        }
        if (!(node instanceof TemplateNode.Sequence list)) {
            throw new Invalid(what + " is not a list of AttributeName and KeyType", node);
        }
        if (list.items().isEmpty() || list.items().size() > 2) {
            throw new Invalid(what + " has " + list.items().size()
                    + " elements; it takes a HASH key and an optional RANGE key", node);
        }
        List<KeyAttribute> attributes = new ArrayList<>();
        List<String> keyTypes = new ArrayList<>();
        for (TemplateNode item : list.items()) {
            if (intrinsic(item)) {
                throw new Unknown(what + " element is " + describe(item));
            }
            if (!(item instanceof TemplateNode.Mapping element)) {
                throw new Invalid(what + " element is not a mapping of AttributeName and KeyType", item);
            }
            String name = requiredString(element, "AttributeName", what, item);
            String keyType = requiredString(element, "KeyType", what, item);
            if (!keyType.equals("HASH") && !keyType.equals("RANGE")) {
                throw new Invalid(what + " KeyType '" + keyType + "' is neither HASH nor RANGE",
                        element.get("KeyType").orElse(item));
            }
            attributes.add(new KeyAttribute(name, types.get(name)));
            keyTypes.add(keyType);
        }
        if (!keyTypes.get(0).equals("HASH")) {
            throw new Invalid(what + (keyTypes.contains("HASH") ? " lists the RANGE key before the HASH key"
                    : " has no HASH key"), node);
        }
        if (keyTypes.size() == 2 && !keyTypes.get(1).equals("RANGE")) {
            throw new Invalid(what + " has two HASH keys", node);
        }
        return new KeySchema(attributes.get(0), attributes.size() == 2 ? attributes.get(1) : null);
    }

    private static void indexes(TemplateNode.Mapping properties, String property, IndexDefinition.Kind kind,
                                Map<String, String> types, List<IndexDefinition> out) throws Unknown, Invalid {
        TemplateNode node = properties.get(property).orElse(null);
        if (node == null || isNull(node)) {
            return;
        }
        // A list or an index chosen by a condition (!If, AWS::NoValue) may or may not exist once deployed; a model
        // that leaves it out would call its queries wrong, so the whole table is left out instead.
        if (intrinsic(node)) {
            throw new Unknown(property + " is " + describe(node));
        }
        if (!(node instanceof TemplateNode.Sequence list)) {
            throw new Invalid(property + " is not a list", node);
        }
        for (TemplateNode item : list.items()) {
            if (intrinsic(item)) {
                throw new Unknown(property + " element is " + describe(item));
            }
            if (!(item instanceof TemplateNode.Mapping index)) {
                throw new Invalid(property + " element is not a mapping", item);
            }
            TemplateNode nameNode = index.get("IndexName").orElse(null);
            if (nameNode == null || isNull(nameNode)) {
                throw new Invalid(property + " element has no IndexName", item);
            }
            String name = constantString(nameNode).orElseThrow(() -> new Unknown(property + " IndexName is "
                    + describe(nameNode) + ", not a constant"));
            out.add(new IndexDefinition(name, kind, keySchema(index, item, "KeySchema of index " + name, types)));
        }
    }

    /** The S/N/B type of each attribute AttributeDefinitions declares plainly; what it does not say stays unknown. */
    private static Map<String, String> attributeTypes(TemplateNode node) {
        Map<String, String> types = new HashMap<>();
        if (node instanceof TemplateNode.Sequence list && node.tag() == null) {
            for (TemplateNode item : list.items()) {
                if (item instanceof TemplateNode.Mapping m && item.tag() == null) {
                    Optional<String> name = plainString(m.get("AttributeName").orElse(null));
                    Optional<String> type = plainString(m.get("AttributeType").orElse(null))
                            .filter(t -> t.equals("S") || t.equals("N") || t.equals("B"));
                    if (name.isPresent() && type.isPresent()) {
                        types.putIfAbsent(name.get(), type.get());
                    }
                }
            }
        }
        return types;
    }

    /** A required plain string property: an intrinsic function there is unknown, anything else invalid. */
    private static String requiredString(TemplateNode.Mapping owner, String property, String what,
                                         TemplateNode at) throws Unknown, Invalid {
        TemplateNode node = owner.get(property).orElse(null);
        if (node == null || isNull(node)) {
            throw new Invalid(what + " element has no " + property, at);
        }
        if (intrinsic(node)) {
            throw new Unknown(what + " " + property + " is " + describe(node));
        }
        return plainString(node).orElseThrow(() -> new Invalid(what + " " + property + " is not a string", node));
    }

    /**
     * A string known without deploying: a plain scalar, {@code !Sub} of a text with no {@code ${...}}, or
     * {@code !Join} of such strings, in short or long form.
     */
    static Optional<String> constantString(TemplateNode node) {
        Optional<String> plain = plainString(node);
        if (plain.isPresent()) {
            return plain;
        }
        String function = functionName(node);
        TemplateNode argument = functionArgument(node);
        if (function == null || argument == null) {
            return Optional.empty();
        }
        if (function.equals("Sub")) {
            return plainString(argument).filter(s -> !s.contains("${"));
        }
        if (function.equals("Join") && argument instanceof TemplateNode.Sequence args && argument.tag() == null
                && args.items().size() == 2 && args.items().get(1) instanceof TemplateNode.Sequence parts
                && parts.tag() == null) {
            Optional<String> delimiter = plainString(args.items().get(0));
            List<String> values = new ArrayList<>();
            for (TemplateNode part : parts.items()) {
                Optional<String> value = constantString(part);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                values.add(value.get());
            }
            return delimiter.map(d -> String.join(d, values));
        }
        return Optional.empty();
    }

    /** A scalar with no CloudFormation tag and a value: plain data. */
    private static Optional<String> plainString(TemplateNode node) {
        return node instanceof TemplateNode.Scalar s && s.tag() == null && s.value() != null
                ? Optional.of(s.value()) : Optional.empty();
    }

    private static boolean isNull(TemplateNode node) {
        return node instanceof TemplateNode.Scalar s && s.tag() == null && s.value() == null;
    }

    /** An intrinsic function or condition, short ({@code !Ref x}) or long ({@code {"Fn::If": [...]}}) form. */
    static boolean intrinsic(TemplateNode node) {
        return functionName(node) != null;
    }

    /** {@code Sub} for {@code !Sub ...} and {@code {"Fn::Sub": ...}}, {@code Ref} for {@code !Ref}/{@code Ref}. */
    private static String functionName(TemplateNode node) {
        if (node.tag() != null) {
            return node.tag();
        }
        if (node instanceof TemplateNode.Mapping m && m.entries().size() == 1) {
            String key = m.entries().get(0).key().value();
            if (key.startsWith("Fn::")) {
                return key.substring(4);
            }
            if (key.equals("Ref") || key.equals("Condition")) {
                return key;
            }
        }
        return null;
    }

    private static TemplateNode functionArgument(TemplateNode node) {
        if (node.tag() != null) {
            // The short form's argument is the node itself, read without its tag.
            if (node instanceof TemplateNode.Scalar s) {
                return new TemplateNode.Scalar(null, s.value(), s.line(), s.column());
            }
            if (node instanceof TemplateNode.Sequence s) {
                return new TemplateNode.Sequence(null, s.items(), s.line(), s.column());
            }
            TemplateNode.Mapping m = (TemplateNode.Mapping) node;
            return new TemplateNode.Mapping(null, m.entries(), m.line(), m.column());
        }
        return ((TemplateNode.Mapping) node).entries().get(0).value();
    }

    /** {@code !Sub 'orders-${Stage}'}, {@code Fn::If}: how messages name what was found. */
    private static String describe(TemplateNode node) {
        String function = functionName(node);
        if (function == null) {
            return "not a plain value";
        }
        boolean shortForm = node.tag() != null;
        String name = shortForm ? "!" + function : (function.equals("Ref") || function.equals("Condition")
                ? function : "Fn::" + function);
        TemplateNode argument = functionArgument(node);
        Optional<String> text = plainString(argument);
        if (text.isPresent() && text.get().length() <= 60) {
            return name + " '" + text.get() + "'";
        }
        return name;
    }
}
