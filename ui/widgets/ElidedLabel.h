// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace tidemark::ui {

/// A one-line label that shortens its text with "…" instead of asking its layout for more
/// room: a long title or readout must never widen the window (a projector's 1024 px is all
/// there is). The whole text stays in the tooltip.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    void setFullText(const QString& text);
    QString fullText() const { return m_full; }
    /// True when the text is shown shortened.
    bool isElided() const { return text() != m_full; }

    /// Asks its layout for this width however long the text (0: the whole text's width), for
    /// a label that should take only the room left over.
    void setPreferredWidth(int pixels);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void elide();

    QString m_full;
    int m_preferredWidth = 0;
};

} // namespace tidemark::ui
