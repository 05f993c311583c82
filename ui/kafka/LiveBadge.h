// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/kafka/KafkaBridge.h"

#include <QLabel>

namespace tidemark::kafka {

/// The status bar's badge for live input: what the source is really doing, in a word and a
/// shape, so a class can read it from the back without telling colours apart
/// (docs/accessibility.md): "● LIVE" only while connected and reading, "⟳ RECONNECTING"
/// while the broker is away, "■ STOPPED" when Spark's error stopped the query (the error in
/// the tooltip), "⚠ UNREACHABLE", "? NO TOPIC", "… CONNECTING". Hidden when not connected.
class LiveBadge : public QLabel {
    Q_OBJECT
public:
    explicit LiveBadge(KafkaBridge* bridge, QWidget* parent = nullptr);

    /// Shows the bridge's state again (also in a new language).
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    KafkaBridge* m_bridge;
    int m_shownState = -1;
};

} // namespace tidemark::kafka
