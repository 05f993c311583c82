// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/PagePainter.h"

#include "ui/plot/EventTimePlot.h"

#include <qcustomplot.h>

namespace tidemark::ui {

PagePainter::PagePainter(QPaintDevice* device)
    : m_painter(std::make_unique<QCPPainter>(device))
{
    if (!m_painter->isActive())
        return; // an unwritable file: the caller reports it
    m_painter->setMode(QCPPainter::pmVectorized);
    m_painter->setRenderHint(QPainter::Antialiasing);
    m_painter->setRenderHint(QPainter::TextAntialiasing);
}

PagePainter::~PagePainter() = default;

bool PagePainter::isActive() const { return m_painter->isActive(); }

QPainter& PagePainter::painter() { return *m_painter; }

void PagePainter::drawPlot(EventTimePlot& plot, const QRectF& target)
{
    QCustomPlot* custom = plot.customPlot();
    const QSize size = custom->size();
    if (size.isEmpty())
        return;
    m_painter->save();
    m_painter->translate(target.topLeft());
    m_painter->scale(target.width() / size.width(), target.height() / size.height());
    m_painter->setClipRect(QRect(QPoint(0, 0), size));
    custom->toPainter(m_painter.get(), size.width(), size.height());
    m_painter->restore();
    // toPainter leaves the painter in its own mode; the rest of the page is vector too.
    m_painter->setMode(QCPPainter::pmVectorized);
}

void PagePainter::end() { m_painter->end(); }

} // namespace tidemark::ui
