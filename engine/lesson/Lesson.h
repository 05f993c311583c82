// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/plan/QueryPlan.h"
#include "engine/scenario/Scenario.h"
#include "engine/time/Time.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tidemark {

/// A short text in the two languages of the course.
struct LessonText {
    std::string en;
    std::string ko;
    /// The text in `language` ("ko" or "en"); the other one when that one is empty.
    const std::string& in(const std::string& language) const { return language == "ko" && !ko.empty() ? ko : en.empty() ? ko : en; }
};

/// What a step points at on the plot.
struct LessonHighlight {
    enum class Kind : std::uint8_t { None, Event, Window, Watermark };
    Kind kind = Kind::None;
    std::uint32_t event = 0; ///< Event: global event index
    TimeRange window;        ///< Window: [start, end)
};

/// What a "predict" step asks the class before showing the batch.
enum class PredictKind : std::uint8_t { Sink, Drops, Watermark };
const char* predictKindName(PredictKind kind); ///< "sink", "drops", "watermark"

/// A statement about the engine's result that a step's text relies on (docs/lesson-format.md).
struct LessonClaim {
    enum class Kind : std::uint8_t {
        Watermark,     ///< the watermark a batch drops late rows with
        NextWatermark, ///< the watermark computed at the end of a batch
        Fate,          ///< an event's fate
        Emits,         ///< the sink received a row with these column values
        EmitsNothing,  ///< the sink received no row
        SinkRows,      ///< exact number of rows the sink received
        NoData,        ///< the batch is (or is not) a no-data batch
        Batches,       ///< number of batches of the run
        StateRows,     ///< state rows after the batch (downstream-most operator)
        Dropped,       ///< numRowsDroppedByWatermark summed over the operators
        Rejected,      ///< Spark rejects the query in this mode; its message contains `text`
        Accepted,      ///< the mode runs (or, false, is rejected)
    };
    Kind kind = Kind::Batches;
    std::optional<OutputMode> mode; ///< unset: the query's output mode
    std::optional<std::size_t> batch;
    Millis watermarkMs = 0;            ///< Watermark / NextWatermark; 0 for "none" (no watermark yet)
    std::uint32_t event = 0;           ///< Fate
    std::string fate;                  ///< Fate: onTime | late | dropped | duplicate | filtered | nullEventTime | unread
    std::vector<std::pair<std::string, std::string>> columns; ///< Emits: column name, value as text
    std::int64_t number = 0;           ///< SinkRows, Batches, StateRows, Dropped
    bool flag = true;                  ///< EmitsNothing, NoData, Accepted
    std::string text;                  ///< Rejected
    std::string source;                ///< the claim as written (compact JSON), for messages
};

/// One step of a lesson.
struct LessonStep {
    std::optional<std::size_t> batch; ///< unset: keep the batch on screen
    std::optional<OutputMode> mode;
    LessonHighlight highlight;
    LessonText text;
    std::optional<PredictKind> predict;
    std::vector<LessonClaim> claims;
};

/// A guided lesson: a scenario and the steps through it.
struct Lesson {
    std::string id;
    LessonText title;
    LessonText summary;
    std::string scenarioName; ///< the shipped scenario's file name; empty for an inline scenario
    Scenario scenario;
    std::vector<LessonStep> steps;
};

} // namespace tidemark
