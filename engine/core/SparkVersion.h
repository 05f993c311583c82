// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tidemark {

/// A Spark release line ("3.2" means the latest 3.2.x patch). Every behaviour that changed
/// between releases asks this type, so the rule and its release sit in one place.
struct SparkVersion {
    int major = 4;
    int minor = 0;

    static std::optional<SparkVersion> parse(std::string_view text); ///< "3.0" … "3.5", "4.0"
    static SparkVersion newest() { return {4, 0}; }
    std::string toString() const { return std::to_string(major) + "." + std::to_string(minor); }

    auto operator<=>(const SparkVersion&) const = default;
    bool atLeast(int ma, int mi) const { return major > ma || (major == ma && minor >= mi); }

    /// SPARK-40925 (3.4): late rows are filtered with the previous batch's watermark.
    bool filtersLateRowsWithPreviousWatermark() const { return atLeast(3, 4); }
    /// SPARK-38069 (3.3 only): the rewritten window start formula misplaces timestamps more
    /// than one slide before epoch + startTime; SPARK-39347 (3.4) restored floor-mod.
    bool hasNegativeWindowStartBug() const { return major == 3 && minor == 3; }
    /// session_window() exists from 3.2 (SPARK-10816).
    bool hasSessionWindow() const { return atLeast(3, 2); }
    /// Trigger.AvailableNow exists from 3.3 (SPARK-36533).
    bool hasAvailableNow() const { return atLeast(3, 3); }
    /// dropDuplicatesWithinWatermark exists from 3.5 (SPARK-42931).
    bool hasDropDuplicatesWithinWatermark() const { return atLeast(3, 5); }
    /// Several stateful operators in one query from 3.4 (SPARK-40925).
    bool allowsMultipleStatefulOperators() const { return atLeast(3, 4); }
    /// Dataset.show prints NULL instead of null from 3.5.0 (SPARK-43063).
    const char* nullText() const { return atLeast(3, 5) ? "NULL" : "null"; }
    /// SPARK-49829 (3.5.4, 4.0): a stream-stream join stores a new input row even when its
    /// side's state watermark evicts it in the same batch (left rows always; right rows when
    /// an outer join still needs their null row). "3.5" means the latest 3.5 patch.
    bool joinStoresRowsEvictedInSameBatch() const { return atLeast(3, 5); }
    /// Full outer and left semi stream-stream joins exist from 3.1 (SPARK-32862, SPARK-32863).
    bool hasFullOuterAndSemiStreamJoins() const { return atLeast(3, 1); }
    /// Error classes with SQLSTATE suffixes and backquoted names from 3.4 / 4.0.
    bool hasErrorClasses() const { return atLeast(3, 4); }
};

} // namespace tidemark
