// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/Error.h"
#include "engine/scenario/Scenario.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>

namespace tidemark::ui {

/// The scenario being edited. It is an immutable value swapped on every edit, so a recompute
/// in flight keeps the version it started with. Edits go through the undo commands, which
/// call apply(); views listen to changed().
class ScenarioDocument : public QObject
{
    Q_OBJECT
public:
    enum class ChangeKind {
        Reset,          ///< another scenario (opened, recovered)
        EventsInserted, ///< `count` events at global index `first`
        EventsRemoved,  ///< `count` events from global index `first`
        EventsChanged,  ///< values of `count` events from `first`
        EventsReset,    ///< events added or removed in several places
        Query,          ///< the query or the Spark version
        Replaced,       ///< the whole scenario (a live session started, recorded or undone); the view keeps its place
        LiveClock,      ///< live: only the time reached moved on (liveHorizon()); the scenario is the same
    };
    struct Change {
        ChangeKind kind = ChangeKind::Reset;
        std::uint32_t first = 0;
        std::uint32_t count = 0;
    };
    /// An event by source and position in that source.
    struct EventRef {
        std::size_t source = 0;
        std::size_t index = 0;
    };

    explicit ScenarioDocument(QObject* parent = nullptr);
    ~ScenarioDocument() override;

    const std::shared_ptr<const Scenario>& scenario() const { return m_scenario; }
    QUndoStack* undoStack() { return &m_undo; }
    /// The file it was read from or saved to; empty for an example or a new scenario.
    const QString& filePath() const { return m_path; }
    /// The file name, or the example's name.
    const QString& displayName() const { return m_name; }
    /// A live session in progress counts as unsaved.
    bool isModified() const { return m_recovered || !m_undo.isClean() || isLive(); }

    /// Reads a scenario file (a path or a ":/" resource). Errors name their JSON path.
    static Result<Scenario> load(const QString& path);

    /// Replaces the scenario and forgets the undo history. `modified` marks recovered edits.
    void setScenario(Scenario scenario, const QString& path, const QString& name, bool modified = false);
    /// Writes the scenario with QSaveFile; on success it is the document's file and clean.
    Status save(const QString& path);

    /// Copies the scenario, lets `edit` change the copy and publishes it. For undo commands.
    void apply(const std::function<void(Scenario&)>& edit, Change change);
    /// Publishes a whole scenario (kind Replaced). For undo commands.
    void replace(std::shared_ptr<const Scenario> scenario);

    /// True while a live Kafka session is shown: the scenario is its recording so far, computed
    /// only up to liveHorizon() (the session's clock), and the pages refuse edits.
    bool isLive() const { return m_liveHorizon.has_value(); }
    std::optional<Micros> liveHorizon() const { return m_liveHorizon; }
    /// Shows the live recording `scenario` up to `horizon`, without an undo step.
    void showLive(std::shared_ptr<const Scenario> scenario, Micros horizon, Change change);
    /// Ends live display and shows `keep` (the recording, or the scenario from before), without an undo step.
    void endLive(std::shared_ptr<const Scenario> keep);

    std::optional<EventRef> locate(std::uint32_t globalIndex) const;
    std::uint32_t globalIndex(EventRef ref) const;
    /// The source new events go to: the first streaming source.
    std::optional<std::size_t> defaultSource() const;

signals:
    void changed(const tidemark::ui::ScenarioDocument::Change& change);
    /// The path, the name or the modified flag changed.
    void fileStateChanged();
    /// isLive() changed.
    void liveChanged(bool live);

private:
    std::shared_ptr<const Scenario> m_scenario;
    QUndoStack m_undo;
    QString m_path;
    QString m_name;
    bool m_recovered = false;
    std::optional<Micros> m_liveHorizon;
};

} // namespace tidemark::ui
