// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/exec/BatchRecord.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <array>

namespace tidemark::ui {

/// Colours and names shared by the plot, its legend and the tables, so a fate looks the same
/// everywhere. Chosen to stay distinct for the common colour-vision deficiencies (Okabe-Ito).
namespace palette {

/// Every fate, in the order legends list them.
inline constexpr std::array<Fate, 7> kFates = {Fate::OnTime,   Fate::LateAccepted,  Fate::DroppedByWatermark, Fate::Duplicate,
                                               Fate::Filtered, Fate::NullEventTime, Fate::Unconsumed};

inline QColor fateColor(Fate fate)
{
    switch (fate) {
    case Fate::OnTime: return QColor(0x00, 0x72, 0xB2);             // blue
    case Fate::LateAccepted: return QColor(0xE6, 0x9F, 0x00);       // orange
    case Fate::DroppedByWatermark: return QColor(0xD5, 0x1F, 0x26); // red
    case Fate::Duplicate: return QColor(0xCC, 0x79, 0xA7);          // purple
    case Fate::Filtered: return QColor(0x8C, 0x8C, 0x8C);           // grey
    case Fate::NullEventTime: return QColor(0x56, 0xB4, 0xE9);      // sky
    case Fate::Unconsumed: return QColor(0xB0, 0xB0, 0xB0);         // light grey
    }
    return Qt::black;
}

inline QString fateLabel(Fate fate)
{
    switch (fate) {
    case Fate::OnTime: return QCoreApplication::translate("Fate", "on time");
    case Fate::LateAccepted: return QCoreApplication::translate("Fate", "late, accepted");
    case Fate::DroppedByWatermark: return QCoreApplication::translate("Fate", "dropped (late)");
    case Fate::Duplicate: return QCoreApplication::translate("Fate", "duplicate");
    case Fate::Filtered: return QCoreApplication::translate("Fate", "filtered out");
    case Fate::NullEventTime: return QCoreApplication::translate("Fate", "null event time");
    case Fate::Unconsumed: return QCoreApplication::translate("Fate", "never read");
    }
    return {};
}

/// Events a later batch reads: not happened yet at the current batch.
inline QColor pendingColor() { return QColor(0x9A, 0x9A, 0x9A); }

inline QColor maxEventTimeColor() { return QColor(0x00, 0x9E, 0x73); } // green
inline QColor watermarkColor() { return QColor(0xD5, 0x5E, 0x00); }    // vermillion
inline QColor nowColor() { return QColor(0x20, 0x20, 0x20); }
inline QColor dataBatchColor() { return QColor(0x4A, 0x4A, 0x4A); }
inline QColor noDataBatchColor() { return QColor(0x0E, 0x8A, 0xA8); }
inline QColor skippedTickColor() { return QColor(0xC8, 0xC8, 0xC8); }

inline QColor windowOpenColor() { return QColor(0x00, 0x72, 0xB2); }
inline QColor windowEmittedColor() { return QColor(0x00, 0x9E, 0x73); }
inline QColor windowEvictedColor() { return QColor(0xA8, 0xA8, 0xA8); }

// Row highlights in the result and state tables.
inline QColor rowNewColor() { return QColor(0xCF, 0xF2, 0xD8); }
inline QColor rowChangedColor() { return QColor(0xFF, 0xEC, 0xB3); }
inline QColor rowRemovedColor() { return QColor(0xF6, 0xC9, 0xC9); }
inline QColor rowEvictedColor() { return QColor(0xE2, 0xE2, 0xE2); }

/// Spark's error text shown in place of something (a mode's tables, the query's result).
inline QString errorBoxStyle()
{
    return QStringLiteral("QLabel { background: #fdecea; color: #7a1212; border: 1px solid #e0a0a0; border-radius: 4px; padding: 6px; }");
}

} // namespace palette
} // namespace tidemark::ui
