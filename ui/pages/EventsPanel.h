// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <optional>

class QTableView;

namespace tidemark::ui {

class EventTableModel;
class ScenarioDocument;

/// The events table: edit any cell (double-click), delete the selected events, add one.
class EventsPanel : public QWidget
{
    Q_OBJECT
public:
    EventsPanel(ScenarioDocument* document, EventTableModel* model, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    /// Selects and shows one event.
    void selectEvent(std::uint32_t event);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    /// The "Add" button: add an event after the last one.
    void addRequested();
    void eventSelected(std::optional<std::uint32_t> event);

private:
    void deleteSelected();
    void fitColumns();

    ScenarioDocument* m_document;
    EventTableModel* m_model;
    QTableView* m_view;
};

} // namespace tidemark::ui
