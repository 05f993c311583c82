// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pages/ModeColumnsPage.h"

#include "ui/i18n/Retranslate.h"
#include "ui/pages/OutputModeColumn.h"

#include <QSplitter>
#include <QTabBar>
#include <QTimer>
#include <QVBoxLayout>

namespace tidemark::ui {

namespace {
constexpr std::array<OutputMode, 3> kModes = {OutputMode::Append, OutputMode::Update, OutputMode::Complete};
/// Extra width before switching back to three columns, so a width near the limit does not flip.
constexpr int kHysteresis = 24;
} // namespace

ModeColumnsPage::ModeColumnsPage(QWidget* parent)
    : QWidget(parent)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_switcher(new QTabBar(this))
{
    setObjectName(QStringLiteral("modeColumns"));
    m_splitter->setChildrenCollapsible(false);
    for (OutputMode m : kModes) {
        auto* c = new OutputModeColumn(m, m_splitter);
        m_columns[static_cast<std::size_t>(m)] = c;
        m_splitter->addWidget(c);
        m_switcher->addTab(QString::fromLatin1(outputModeName(m)));
    }
    m_switcher->setObjectName(QStringLiteral("modeSwitcher"));
    m_switcher->setExpanding(false);
    retranslated(this, [this] { m_switcher->setToolTip(tr("Output mode shown below (the window is too narrow for all three side by side)")); });
    m_switcher->hide();
    connect(m_switcher, &QTabBar::currentChanged, this, [this](int index) {
        if (!m_switched || index < 0)
            return;
        if (!m_syncing)
            m_chosen = kModes[static_cast<std::size_t>(index)];
        for (std::size_t i = 0; i < kModes.size(); ++i)
            m_columns[i]->setVisible(static_cast<int>(i) == index);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_switcher);
    layout->addWidget(m_splitter, 1);
}

void ModeColumnsPage::setView(const ViewState& view)
{
    m_selected = view.selected;
    for (auto* c : m_columns)
        c->setView(view);
    for (std::size_t i = 0; i < kModes.size(); ++i)
        m_switcher->setTabText(static_cast<int>(i), kModes[i] == view.selected ? tr("%1 (the query's)").arg(QString::fromLatin1(outputModeName(kModes[i])))
                                                                                  : QString::fromLatin1(outputModeName(kModes[i])));
    updateArrangement();
}

void ModeColumnsPage::setPresentation(bool on)
{
    for (auto* c : m_columns)
        c->setPresentation(on);
    // The tables refit their columns to the new font first (RowTableView), then the width is judged.
    QTimer::singleShot(0, this, &ModeColumnsPage::updateArrangement);
}

void ModeColumnsPage::showMode(OutputMode mode)
{
    m_chosen = mode;
    updateArrangement();
}

int ModeColumnsPage::sideBySideWidth() const
{
    int total = (m_splitter->count() - 1) * m_splitter->handleWidth();
    for (const auto* c : m_columns)
        total += c->comfortableWidth();
    return total;
}

void ModeColumnsPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateArrangement();
}

void ModeColumnsPage::updateArrangement()
{
    const int needed = sideBySideWidth();
    const bool switched = m_switched ? width() < needed + kHysteresis : width() < needed;
    if (switched == m_switched && !switched)
        return;
    m_switched = switched;
    m_switcher->setVisible(switched);
    for (auto* c : m_columns)
        c->setHeaderShown(!switched); // the switcher's tab names the mode (rows are precious)
    if (!switched) {
        for (auto* c : m_columns)
            c->setVisible(true);
        return;
    }
    const int index = static_cast<int>(m_chosen.value_or(m_selected));
    m_syncing = true;
    m_switcher->setCurrentIndex(index);
    m_syncing = false;
    for (std::size_t i = 0; i < kModes.size(); ++i)
        m_columns[i]->setVisible(static_cast<int>(i) == index);
}

} // namespace tidemark::ui
