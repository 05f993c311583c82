// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRectF>

#include <memory>

class QCPPainter;
class QPaintDevice;
class QPainter;

namespace tidemark::ui {

class EventTimePlot;

/// A painter on a printed page that can also draw the event-time plot. QCustomPlot draws
/// only through its own painter class (kept out of this header); this is one, begun on the
/// device, in vector mode so a PDF keeps the plot's lines and text as vectors.
class PagePainter
{
public:
    explicit PagePainter(QPaintDevice* device);
    ~PagePainter();
    PagePainter(const PagePainter&) = delete;
    PagePainter& operator=(const PagePainter&) = delete;

    bool isActive() const;
    QPainter& painter();
    /// Draws `plot` as it shows at its current size, scaled to fill `target`.
    void drawPlot(EventTimePlot& plot, const QRectF& target);
    void end();

private:
    std::unique_ptr<QCPPainter> m_painter;
};

} // namespace tidemark::ui
