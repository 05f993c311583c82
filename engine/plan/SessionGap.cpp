// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/plan/SessionGap.h"

#include "engine/plan/WorkLimits.h"
#include "engine/time/Interval.h"

#include <algorithm>
#include <limits>

namespace tidemark {

namespace {

SessionGap fromMicros(Micros us)
{
    if (us > WorkLimits::kMaxWindowDuration)
        return SessionGap{SessionGap::Kind::TooLong, 0};
    // The most negative long has no positive counterpart to print; a microsecond less changes nothing.
    return SessionGap{us > 0 ? SessionGap::Kind::Positive : SessionGap::Kind::NotPositive, std::max(us, std::numeric_limits<Micros>::min() + 1)};
}

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
