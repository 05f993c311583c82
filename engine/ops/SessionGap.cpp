// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ops/SessionGap.h"

#include "engine/time/Interval.h"

namespace tidemark {

namespace {

SessionGap fromMicros(Micros us) { return SessionGap{us > 0 ? SessionGap::Kind::Positive : SessionGap::Kind::NotPositive, us}; }

} // namespace

SessionGap sessionGapFromValue(const Value& value, const DataType& type)
{
    if (value.isNull())
        return SessionGap{SessionGap::Kind::Null, 0};
    if (type.id == TypeId::Interval)
        return fromMicros(value.asInt());
    if (type.id != TypeId::String)
        return SessionGap{SessionGap::Kind::Null, 0}; // the analyzer admits no other type
    auto interval = parseInterval(value.asString());
    if (!interval.ok())
        return SessionGap{SessionGap::Kind::Null, 0};
    if (interval->months != 0)
        return SessionGap{SessionGap::Kind::Months, 0};
    // Days of 24 hours, as for a fixed gap; a sum past the long range overflows in Spark.
    const auto us = interval->exactMicrosNoMonths();
    if (!us)
        return SessionGap{SessionGap::Kind::Null, 0};
    return fromMicros(*us);
}

SessionGap sessionGapOf(const AggregatePlan& plan, const Row& row)
{
    if (!plan.sessionGapExpr)
        return fromMicros(plan.sessionGap);
    return sessionGapFromValue(plan.sessionGapExpr->eval(row), plan.sessionGapExpr->type);
}

} // namespace tidemark
