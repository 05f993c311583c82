// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/record/BatchRecord.h"

#include <QPointF>

class QCPScatterStyle;
class QPainter;

namespace tidemark::ui {

/// The mark of a fate, as the plot draws its dots: a shape as well as a colour (a disc, a
/// diamond, a cross, ...), so fates stay apart in black and white and for colour-blind eyes.
QCPScatterStyle fateStyle(Fate fate, double size);

/// Draws the fate's mark centred on `centre` with any painter (a table in a printed page,
/// a legend), `size` across in the painter's units.
void paintFateMark(QPainter& painter, Fate fate, QPointF centre, double size);

} // namespace tidemark::ui
