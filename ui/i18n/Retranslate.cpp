// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/i18n/Retranslate.h"

#include <QEvent>
#include <QObject>
#include <QWidget>

namespace tidemark::ui {

namespace {
/// Watches its parent for QEvent::LanguageChange (Qt sends it to every widget of a window).
class LanguageWatcher : public QObject
{
public:
    LanguageWatcher(QWidget* owner, std::function<void()> apply)
        : QObject(owner)
        , m_apply(std::move(apply))
    {
        owner->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == parent() && event->type() == QEvent::LanguageChange)
            m_apply();
        return false;
    }

private:
    std::function<void()> m_apply;
};
} // namespace

void retranslated(QWidget* owner, std::function<void()> apply)
{
    apply();
    new LanguageWatcher(owner, std::move(apply));
}

} // namespace tidemark::ui
