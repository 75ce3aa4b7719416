package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.AttributeMap;
import io.ddblint.core.facts.AttributeOrder;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ConstantValue;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.TransactAction;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.Table;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * DDB-C009: a TransactWriteItems request DynamoDB rejects before running any of it: two actions on one item, or one
 * element that sets several actions.
 *
 * <p>Two actions are on one item when they name the same constant table and the same constant key: two keys
 * (update, delete, condition check) with equal entries; a put whose item holds the other action's key with the same
 * values (a key DynamoDB accepts names exactly the table's key attributes, so no model is needed); two puts whose
 * items agree on every key attribute of the table in the model.
 */
@RuleInfo(
        id = "DDB-C009",
        name = "InvalidTransaction",
        summary = "A transaction with two actions on one item, or an element with several actions",
        severity = Severity.ERROR,
        category = Category.CORRECTNESS,
        tags = {"transaction"})
public final class InvalidTransaction implements Rule {

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        if (site.operation() != Operation.TRANSACT_WRITE_ITEMS) {
            return;
        }
        Optional<List<TransactAction>> known = site.request().transactItems().known();
        if (known.isEmpty()) {
            return;
        }
        List<TransactAction> actions = known.get();
        for (TransactAction a : actions) {
            if (a.kinds().size() > 1) {
                context.report(site, "TransactItems can only contain one of Check, Put, Update or Delete: `"
                                + a.code() + "` sets " + kinds(a),
                        "Split it into one TransactWriteItem per action.");
                return;
            }
        }
        for (int i = 0; i < actions.size(); i++) {
            for (int j = i + 1; j < actions.size(); j++) {
                if (sameItem(actions.get(i), actions.get(j), context)) {
                    context.report(site, "Transaction request cannot include multiple operations on one item: "
                                    + kinds(actions.get(i)) + " and " + kinds(actions.get(j)) + " of the same key in "
                                    + context.model().constant(actions.get(i).tableName()).orElseThrow(),
                            "Merge the two actions into one (an update with a condition expression covers a check "
                                    + "and a write), or run them in two requests.");
                    return;
                }
            }
        }
    }

    private static String kinds(TransactAction a) {
        return a.kinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT).replace("condition_check",
                "conditionCheck")).collect(Collectors.joining(" and "));
    }

    private static boolean sameItem(TransactAction a, TransactAction b, RuleContext context) {
        Optional<String> table = context.model().constant(a.tableName());
        if (table.isEmpty() || !table.equals(context.model().constant(b.tableName()))) {
            return false;
        }
        boolean aPut = a.kinds().get(0) == TransactAction.Kind.PUT;
        boolean bPut = b.kinds().get(0) == TransactAction.Kind.PUT;
        if (!aPut && !bPut) {
            Optional<AttributeMap> ka = constantKey(a);
            Optional<AttributeMap> kb = constantKey(b);
            return ka.isPresent() && kb.isPresent() && ka.get().entries().size() == kb.get().entries().size()
                    && holds(ka.get(), kb.get());
        }
        if (aPut != bPut) {
            Optional<AttributeMap> key = constantKey(aPut ? b : a);
            Optional<AttributeMap> item = (aPut ? a : b).item().known();
            return key.isPresent() && item.isPresent() && holds(item.get(), key.get());
        }
        Optional<Table> model = context.model().table(table.get()).filter(t -> !t.conflicting());
        Optional<AttributeMap> ia = a.item().known();
        Optional<AttributeMap> ib = b.item().known();
        if (model.isEmpty() || ia.isEmpty() || ib.isEmpty()) {
            return false;
        }
        for (KeyAttribute k : model.get().keys().attributes()) {
            Optional<ConstantValue> va = ia.get().get(k.name());
            Optional<ConstantValue> vb = ib.get().get(k.name());
            if (va.isEmpty() || vb.isEmpty() || !equal(va.get(), vb.get())) {
                return false;
            }
        }
        return true;
    }

    /** A key every entry of which is known and constant. */
    private static Optional<AttributeMap> constantKey(TransactAction a) {
        return a.key().known().filter(k -> k.complete() && !k.entries().isEmpty()
                && k.entries().values().stream().allMatch(InvalidTransaction::constant));
    }

    private static boolean constant(ConstantValue v) {
        return v instanceof ConstantValue.Scalar s && s.text() != null;
    }

    /** Whether {@code map} holds every entry of {@code key} with an equal constant value. */
    private static boolean holds(AttributeMap map, AttributeMap key) {
        return key.entries().entrySet().stream()
                .allMatch(e -> map.get(e.getKey()).filter(v -> equal(v, e.getValue())).isPresent());
    }

    /** Equal as DynamoDB stores them: same type, same text, numbers compared by value ({@code 1} is {@code 1.0}). */
    private static boolean equal(ConstantValue a, ConstantValue b) {
        if (!(a instanceof ConstantValue.Scalar sa && b instanceof ConstantValue.Scalar sb) || sa.text() == null
                || sb.text() == null || sa.type() != sb.type()) {
            return false;
        }
        return AttributeOrder.compare(sa.type(), sa.text(), sb.text()).map(c -> c == 0)
                .orElse(sa.text().equals(sb.text()));
    }
}
