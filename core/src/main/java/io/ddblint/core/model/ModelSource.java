package io.ddblint.core.model;

import io.ddblint.core.facts.Location;
import io.ddblint.core.facts.Member;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where one description of a table comes from: findings about the table are reported here.
 *
 * @param kind      which kind of source
 * @param location  the file and range of the definition (a builder chain, an entity class, a template resource,
 *                  the configuration's table entry)
 * @param member    the member around a Java definition ({@code com.acme.Schema#create()}, or the class name for an
 *                  entity), a template's logical resource id, or the table's name in {@code ddb-lint.yml}; part of a
 *                  finding's fingerprint
 * @param enclosing the Java member structured, for bytecode front ends; null outside Java members
 * @param code      the definition as written, shortened, for messages and fingerprints
 */
public record ModelSource(Kind kind, Location location, String member, Member enclosing, String code) {

    /** The kinds of source, with the word the inventory and messages use. */
    public enum Kind {
        CREATE_TABLE("create-table"),
        ENHANCED_BEAN("enhanced-bean"),
        STATIC_SCHEMA("static-table-schema"),
        MAPPER_ENTITY("mapper-entity"),
        CDK("cdk"),
        CLOUDFORMATION("cloudformation"),
        CONFIGURATION("ddb-lint.yml");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final Comparator<ModelSource> ORDER = Comparator
            .comparing((ModelSource s) -> s.location().path())
            .thenComparing(s -> s.location().range())
            .thenComparing(ModelSource::kind);

    public ModelSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
    }

    /** {@code cloudformation src/main/resources/template.yaml:33}: how messages name a source. */
    public String describe() {
        return kind.label() + " " + location.path() + ":" + location.range().line();
    }
}
