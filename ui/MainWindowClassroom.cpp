// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow, class mode: the predict panel's dock, its actions and keys.
#include "ui/MainWindow.h"

#include "ui/classroom/ClassMode.h"
#include "ui/classroom/PredictPanel.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/PresenterKeys.h"
#include "ui/plot/EventTimePlot.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QDockWidget>
#include <QScrollArea>
#include <QStyle>

namespace tidemark::ui {

namespace {
/// Enter in a field being typed in (a query field, a cell editor) stays the field's: it
/// commits the text instead of revealing the batch.
class TypingKeepsEnter : public QObject
{
public:
    explicit TypingKeepsEnter(QWidget* window)
        : QObject(window)
        , m_window(window)
    {
        qApp->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::ShortcutOverride)
            return false;
        const auto* widget = qobject_cast<QWidget*>(watched);
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (!widget || widget->window() != m_window || (key != Qt::Key_Return && key != Qt::Key_Enter)
            || !PresenterKeys::isTyping(QApplication::focusWidget()))
            return false;
        event->accept();
        return true;
    }

private:
    QWidget* m_window;
};
} // namespace

void MainWindow::buildClassroom()
{
    m_class = new ClassMode(this);
    m_predict = new PredictPanel(m_class, this);
    // In a scroll area: on a projector the questions scroll rather than squeeze.
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_predict);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_predictDock = new QDockWidget(tr("Predict"), this);
    m_predictDock->setObjectName(QStringLiteral("predictDock"));
    m_predictDock->setWidget(scroll);
    m_predictDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, m_predictDock);
    tabifyDockWidget(m_queryDock, m_predictDock);
    m_predictDock->hide();

    m_classAction = new QAction(style()->standardIcon(QStyle::SP_MessageBoxQuestion), tr("&Class mode (predict, then reveal)"), this);
    m_classAction->setObjectName(QStringLiteral("classModeAction"));
    m_classAction->setIconText(tr("Class"));
    m_classAction->setToolTip(tr("Class mode: each batch's outcome stays hidden until the class has predicted it (Ctrl+P)"));
    m_classAction->setCheckable(true);
    m_classAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_classAction, &QAction::toggled, m_class, &ClassMode::setOn);

    // Enter reveals from anywhere; Space too, except on an answer (there it picks: PredictPanel).
    m_revealAction = new QAction(tr("&Reveal the batch"), this);
    m_revealAction->setObjectName(QStringLiteral("revealAction"));
    m_revealAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter), QKeySequence(Qt::Key_Space)});
    m_revealAction->setShortcutContext(Qt::WindowShortcut);
    m_revealAction->setEnabled(false);
    addAction(m_revealAction);
    connect(m_revealAction, &QAction::triggered, m_class, &ClassMode::reveal);
    new TypingKeepsEnter(this);

    connect(m_class, &ClassMode::onChanged, this, [this](bool on) {
        m_classAction->setChecked(on);
        if (on)
            showPredictDock();
        else if (!m_class->current())
            m_predictDock->hide();
    });
    connect(m_class, &ClassMode::changed, this, [this] {
        const bool predicting = m_class->isPredicting();
        m_revealAction->setEnabled(predicting);
        // Space reveals while the class predicts (one shortcut per key, or neither fires).
        if (m_playAction)
            m_playAction->setEnabled(!predicting);
        if (predicting && m_cursor->isPlaying())
            m_cursor->setPlaying(false);
        if (m_class->current() && !m_predictDock->isVisible()) // a lesson asked
            showPredictDock();
        std::vector<std::uint32_t> drops;
        if (predicting)
            for (const DropChoice& c : m_class->current()->drops)
                if (c.picked)
                    drops.push_back(c.event);
        m_plot->setPredictedDrops(drops);
    });
    connect(m_class, &ClassMode::outcomeVisibilityChanged, this, &MainWindow::scheduleRefresh);
    connect(m_class, &ClassMode::batchRequested, m_cursor, &BatchCursor::setPosition);
}

void MainWindow::showPredictDock()
{
    // With the query's tabs (wherever the layout put them), on top, and most of the column's height.
    if (!m_predictDock->isFloating() && !m_userArrangedDocks)
        tabifyDockWidget(m_queryDock, m_predictDock);
    m_predictDock->show();
    m_predictDock->raise();
    if (!m_predictDock->isFloating() && m_stateDock->isVisible())
        resizeDocks({m_predictDock, m_stateDock}, {height() * 3 / 5, height() * 2 / 5}, Qt::Vertical);
}

std::optional<std::pair<QString, QString>> MainWindow::hiddenWhy() const
{
    if (!m_view.hidesOutcome())
        return std::nullopt;
    return std::make_pair(tr("Hidden until Reveal"), tr("Class mode: predict what batch %1 does first. Reveal (Enter) shows it, and why.").arg(m_view.batchId()));
}

} // namespace tidemark::ui
