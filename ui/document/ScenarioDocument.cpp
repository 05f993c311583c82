// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/document/ScenarioDocument.h"

#include "engine/exec/EventTime.h"
#include "engine/scenario/ScenarioFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <utility>

namespace tidemark::ui {

ScenarioDocument::ScenarioDocument(QObject* parent)
    : QObject(parent)
    , m_scenario(std::make_shared<const Scenario>())
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, &ScenarioDocument::fileStateChanged);
}

Result<Scenario> ScenarioDocument::load(const QString& path)
{
    // Only a regular file is a document; opening a FIFO would block the window for ever.
    if (const QFileInfo info(path); info.exists() && !info.isFile())
        return Error::file({}, QObject::tr("cannot read %1: not a regular file").arg(path).toStdString());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::file({}, QObject::tr("cannot read %1: %2").arg(path, file.errorString()).toStdString());
    const QByteArray bytes = file.readAll();
    return loadScenarioText(std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

void ScenarioDocument::setScenario(Scenario scenario, const QString& path, const QString& name, bool modified)
{
    m_undo.clear();
    m_undo.setClean();
    m_scenario = std::make_shared<const Scenario>(std::move(scenario));
    m_path = path;
    m_name = name.isEmpty() ? QFileInfo(path).fileName() : name;
    m_recovered = modified;
    const bool wasLive = std::exchange(m_liveHorizon, std::nullopt).has_value();
    emit changed({ChangeKind::Reset, 0, 0});
    emit fileStateChanged();
    if (wasLive)
        emit liveChanged(false);
}

Status ScenarioDocument::save(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::file({}, tr("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    const std::string json = scenarioToJson(*m_scenario);
    file.write(json.data(), static_cast<qint64>(json.size()));
    if (!file.commit())
        return Error::file({}, tr("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    m_path = path;
    m_name = QFileInfo(path).fileName();
    m_recovered = false;
    m_undo.setClean();
    emit fileStateChanged();
    return {};
}

void ScenarioDocument::apply(const std::function<void(Scenario&)>& edit, Change change)
{
    auto copy = std::make_shared<Scenario>(*m_scenario);
    edit(*copy);
    m_scenario = std::move(copy);
    emit changed(change);
}

void ScenarioDocument::replace(std::shared_ptr<const Scenario> scenario)
{
    m_scenario = std::move(scenario);
    emit changed({ChangeKind::Replaced, 0, 0});
}

void ScenarioDocument::showLive(std::shared_ptr<const Scenario> scenario, Micros horizon, Change change)
{
    const bool started = !isLive();
    m_scenario = std::move(scenario);
    m_liveHorizon = horizon;
    if (started) {
        emit liveChanged(true);
        emit fileStateChanged();
    }
    emit changed(change);
}

void ScenarioDocument::endLive(std::shared_ptr<const Scenario> keep)
{
    if (!isLive())
        return;
    m_liveHorizon.reset();
    m_scenario = std::move(keep);
    emit liveChanged(false);
    emit changed({ChangeKind::Replaced, 0, 0});
    emit fileStateChanged();
}

std::optional<ScenarioDocument::EventRef> ScenarioDocument::locate(std::uint32_t globalIndex) const
{
    const auto [source, index] = locateEvent(*m_scenario, globalIndex);
    if (source >= m_scenario->sources.size())
        return std::nullopt;
    return EventRef{source, index};
}

std::uint32_t ScenarioDocument::globalIndex(EventRef ref) const { return globalEventIndex(*m_scenario, ref.source, ref.index); }

std::optional<std::size_t> ScenarioDocument::defaultSource() const
{
    for (std::size_t s = 0; s < m_scenario->sources.size(); ++s)
        if (!m_scenario->sources[s].isStatic)
            return s;
    return std::nullopt;
}

} // namespace tidemark::ui
