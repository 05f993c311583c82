// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/record/BatchRecord.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <array>

namespace tidemark::ui {

/// Colours and names shared by the plot, its legend and the tables, so a fate looks the same
/// everywhere. Chosen to stay distinct for the common colour-vision deficiencies (Okabe-Ito).
namespace palette {

/// The projector theme: darker, more saturated colours, thicker lines and marks, black on white.
/// One switch for the whole window; the plot and the tables read it each time they paint.
inline bool& highContrastSwitch()
{
    static bool on = false;
    return on;
}
inline bool highContrast() { return highContrastSwitch(); }
inline void setHighContrast(bool on) { highContrastSwitch() = on; }

/// Lines and marks are this much thicker in the high-contrast theme (projectors wash thin lines out).
inline double strokeScale() { return highContrast() ? 1.6 : 1.0; }

/// Picks the normal or the high-contrast value. tests/ui/tst_palette measures every pair of
/// colours below through colour-vision-deficiency simulations, in both themes.
inline QColor themed(QColor normal, QColor projector) { return highContrast() ? projector : normal; }

/// Every fate, in the order legends list them.
inline constexpr std::array<Fate, 7> kFates = {Fate::OnTime,   Fate::LateAccepted,  Fate::DroppedByWatermark, Fate::Duplicate,
                                               Fate::Filtered, Fate::NullEventTime, Fate::Unconsumed};

inline QColor fateColor(Fate fate)
{
    // Duplicate, filtered and not-yet-read differ in lightness, not only in hue: filtered is the
    // dark grey, not-yet-read the light one, duplicate in between (readable under deuteranopia).
    switch (fate) {
    case Fate::OnTime: return themed(QColor(0x00, 0x72, 0xB2), QColor(0x00, 0x50, 0xA0));             // blue
    case Fate::LateAccepted: return themed(QColor(0xE6, 0x9F, 0x00), QColor(0xE0, 0x8A, 0x00));       // orange
    case Fate::DroppedByWatermark: return themed(QColor(0xD5, 0x1F, 0x26), QColor(0xC8, 0x10, 0x2E)); // red
    case Fate::Duplicate: return themed(QColor(0xCC, 0x79, 0xA7), QColor(0xB0, 0x3C, 0x96));          // purple
    case Fate::Filtered: return themed(QColor(0x4D, 0x4D, 0x4D), QColor(0x26, 0x26, 0x26));           // dark grey
    case Fate::NullEventTime: return themed(QColor(0x56, 0xB4, 0xE9), QColor(0x3F, 0xA9, 0xF5));      // sky
    case Fate::Unconsumed: return themed(QColor(0x80, 0x80, 0x80), QColor(0x6E, 0x6E, 0x6E));         // mid grey
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
inline QColor pendingColor() { return themed(QColor(0xD4, 0xD4, 0xD4), QColor(0xB4, 0xB4, 0xB4)); }
/// The same events as text in a table: greyed, yet readable on white (black in the projector theme).
inline QColor pendingTextColor() { return themed(QColor(0x80, 0x80, 0x80), QColor(0x40, 0x40, 0x40)); }

inline QColor maxEventTimeColor() { return themed(QColor(0x00, 0x9E, 0x73), QColor(0x00, 0x7A, 0x55)); } // green
inline QColor watermarkColor() { return QColor(0xD5, 0x5E, 0x00); } // vermillion
inline QColor nowColor() { return themed(QColor(0x20, 0x20, 0x20), QColor(0x00, 0x00, 0x00)); }
inline QColor dataBatchColor() { return themed(QColor(0x4A, 0x4A, 0x4A), QColor(0x33, 0x33, 0x33)); }
inline QColor noDataBatchColor() { return QColor(0x0B, 0x5F, 0x7A); }
inline QColor skippedTickColor() { return themed(QColor(0xC8, 0xC8, 0xC8), QColor(0xB8, 0xB8, 0xB8)); }

inline QColor windowOpenColor() { return themed(QColor(0x00, 0x72, 0xB2), QColor(0x00, 0x50, 0xA0)); }
inline QColor windowEmittedColor() { return themed(QColor(0x00, 0x9E, 0x73), QColor(0x00, 0x7A, 0x55)); }
inline QColor windowEvictedColor() { return QColor(0xD4, 0xD4, 0xD4); } // light: apart from emitted by lightness too

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
