// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/StateSchemaCompatibility.h"

#include "engine/plan/SessionGapAnalysis.h"

#include <vector>

namespace tidemark {

namespace {

struct StateField {
    std::string name;
    std::string type;
    bool nullable = true;
};

std::string structString(const std::vector<StateField>& fields)
{
    std::string out = "StructType(";
    for (size_t i = 0; i < fields.size(); ++i)
        out += (i ? "," : "") + std::string("StructField(") + fields[i].name + "," + fields[i].type + "," + (fields[i].nullable ? "true" : "false") + ")";
    return out + ")";
}

/// The aggregation buffer attributes of one aggregate function (its aggBufferAttributes).
void addBuffers(const AggFunction& f, std::vector<StateField>& out)
{
    using Kind = AggFunction::Kind;
    const std::string input = sparkDataTypeToString(f.inputType);
    switch (f.kind) {
    case Kind::CountStar:
    case Kind::Count: out.push_back({"count", "LongType", false}); break;
    case Kind::Sum: out.push_back({"sum", sparkDataTypeToString(f.resultType), true}); break;
    case Kind::Avg:
        out.push_back({"sum", "DoubleType", true});
        out.push_back({"count", "LongType", true});
        break;
    case Kind::Min: out.push_back({"min", input, true}); break;
    case Kind::Max: out.push_back({"max", input, true}); break;
    case Kind::CollectList:
    case Kind::CollectSet: out.push_back({"buf", "ArrayType(" + input + ",true)", false}); break;
    case Kind::ApproxCountDistinct: out.push_back({"MS[0]", "LongType", true}); break;
    case Kind::StddevSamp:
        out.push_back({"n", "DoubleType", false});
        out.push_back({"avg", "DoubleType", false});
        out.push_back({"m2", "DoubleType", false});
        break;
    }
}

/// The field lists compare as StateSchemaCompatibilityChecker.schemasCompatible does: same
/// count, same types; names are ignored. (Types are enough here: nullability is not modelled.)
bool compatible(const std::string& a, const std::string& b)
{
    auto types = [](const std::string& s) {
        // Strip the names: "StructField(name,Type,..." -> "Type,...".
        std::string out;
        size_t pos = 0;
        const std::string tag = "StructField(";
        while (true) {
            const size_t at = s.find(tag, pos);
            if (at == std::string::npos)
                break;
            const size_t comma = s.find(',', at + tag.size());
            out += s.substr(pos, at - pos) + tag;
            pos = comma;
        }
        return out + s.substr(pos);
    };
    return types(a) == types(b);
}

} // namespace

std::optional<StateSchema> stateSchemaOf(const QueryPlan& plan)
{
    std::vector<StateField> key, value;
    if (plan.aggregate) {
        for (const auto& g : plan.aggregate->groups)
            key.push_back({g.name, sparkDataTypeToString(g.isWindow ? DataType(TypeId::Window) : g.type), true});
        for (const AggFunction& f : plan.aggregate->aggs)
            addBuffers(f, value);
    } else if (plan.dedup) {
        for (const std::size_t k : plan.dedup->keys)
            key.push_back({plan.streamSchema.fields[k].name, sparkDataTypeToString(plan.streamSchema.fields[k].type), true});
        // StreamingDeduplicateExec keeps no value (a dummy null); the within-watermark variant its expiry.
        if (plan.dedup->withinWatermark)
            value.push_back({"expiresAtMicros", "LongType", false});
        else
            value.push_back({"__dummy__", "NullType", true});
    } else {
        return std::nullopt;
    }
    return StateSchema{structString(key), structString(value), key.size()};
}

std::optional<Error> checkStateSchema(const StateSchema& existing, const StateSchema& provided, const SparkVersion& version,
                                      const std::string& where)
{
    const bool keyOk = compatible(existing.key, provided.key);
    const bool valueOk = compatible(existing.value, provided.value);
    if (keyOk && valueOk)
        return std::nullopt;
    if (version.atLeast(4, 0)) {
        // StateStoreErrors: one error class per schema, key first (StateSchemaCompatibilityChecker.check).
        const char* tail = "If you want to force running the query without schema validation, please set "
                           "spark.sql.streaming.stateStore.stateSchemaCheck to false.\n"
                           "However, please note that running the query with incompatible schema could cause "
                           "non-deterministic behavior. SQLSTATE: XXKST";
        if (!keyOk)
            return Error::query("[STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE] Provided key schema does not match existing state key schema.\n"
                                "Please check number and type of fields.\n"
                                "Existing key_schema=" + existing.key + " and new key_schema=" + provided.key + ".\n" + tail,
                                where, "SparkUnsupportedOperationException");
        return Error::query("[STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE] Provided value schema does not match existing state value schema.\n"
                            "Please check number and type of fields.\n"
                            "Existing value_schema=" + existing.value + " and new value_schema=" + provided.value + ".\n" + tail,
                            where, "SparkUnsupportedOperationException");
    }
    const std::string head = "Provided schema doesn't match to the schema for existing state! Please note that Spark allow "
                             "difference of field name: check count of fields and data type of each field.\n";
    const std::string force = "If you want to force running query without schema validation, please set "
                              "spark.sql.streaming.stateStore.stateSchemaCheck to false.";
    // StateSchemaCompatibilityChecker.check as SPARK-27237 shipped it in 3.1: one line per schema.
    // (Its review asked for these four lines in place of the earlier "- provided schema: key ..
    // value .." pair before it was merged for 3.1.0.) Later (SPARK-39650) the value lines are
    // left out when the value's format validation is off, which Tidemark does not model.
    return Error::query(head + "- Provided key schema: " + provided.key + "\n- Provided value schema: " + provided.value
                            + "\n- Existing key schema: " + existing.key + "\n- Existing value schema: " + existing.value + "\n" + force
                            + "\nPlease note running query with incompatible schema could cause indeterministic behavior.",
                        where, "StateSchemaNotCompatible");
}

} // namespace tidemark
