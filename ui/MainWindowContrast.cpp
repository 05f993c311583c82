// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow, the high-contrast theme for projectors: black text on white, the stronger
// colours of ui/Palette.h, thicker lines and marks in the plot.
#include "ui/MainWindow.h"

#include "ui/Palette.h"
#include "ui/plot/EventTimePlot.h"

#include <QAction>
#include <QPalette>

namespace tidemark::ui {

namespace {
QPalette blackOnWhite(QPalette p)
{
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Window, Qt::white);
        p.setColor(group, QPalette::Base, Qt::white);
        p.setColor(group, QPalette::AlternateBase, QColor(0xEE, 0xEE, 0xEE));
        p.setColor(group, QPalette::Button, QColor(0xF2, 0xF2, 0xF2));
        for (QPalette::ColorRole text : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText})
            p.setColor(group, text, Qt::black);
        p.setColor(group, QPalette::ToolTipBase, Qt::white);
        p.setColor(group, QPalette::Highlight, palette::windowOpenColor());
        p.setColor(group, QPalette::HighlightedText, Qt::white);
        p.setColor(group, QPalette::PlaceholderText, QColor(0x40, 0x40, 0x40));
    }
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x55, 0x55, 0x55));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x55, 0x55, 0x55));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x55, 0x55, 0x55));
    return p;
}
} // namespace

bool MainWindow::isHighContrast() const { return palette::highContrast(); }

void MainWindow::setHighContrast(bool on)
{
    palette::setHighContrast(on);
    m_highContrastAction->setChecked(on);
    setPalette(on ? blackOnWhite(palette()) : QPalette());
    m_plot->setPresentation(m_presentation); // re-styles the plot with the theme's colours and widths
    // Tables and badges read the palette when they paint.
    for (QWidget* w : findChildren<QWidget*>())
        w->update();
}

} // namespace tidemark::ui
