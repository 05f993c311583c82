// SPDX-License-Identifier: GPL-3.0-or-later
// The window for a keyboard and a screen reader: Tab reaches every control, each control has a
// name a screen reader can read, and the batch controls say what they do.
#include "ui/MainWindow.h"
#include "ui/files/FileController.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/Palette.h"
#include "ui/inspector/InspectorBubble.h"
#include "ui/pages/BatchControls.h"
#include "ui/plot/EventTimePlot.h"

#include <QAccessible>
#include <QApplication>
#include <QSet>
#include <QLabel>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace tidemark::ui;

namespace {
QString accessibleName(QWidget* w)
{
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name) : QString();
}

QString describe(QWidget* w)
{
    QString where;
    for (QWidget* p = w->parentWidget(); p && !p->isWindow(); p = p->parentWidget())
        if (!p->objectName().isEmpty() && !p->objectName().startsWith(QLatin1String("qt_"))) {
            where = QStringLiteral(" in ") + p->objectName();
            break;
        }
    return QStringLiteral("%1 \"%2\"%3").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), where);
}

/// Widgets a keyboard user must be able to reach: shown, enabled, taking focus from Tab.
QList<QWidget*> tabStops(QWidget* window)
{
    QList<QWidget*> out;
    for (QWidget* w : window->findChildren<QWidget*>())
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy() && w->window() == window)
            out << w;
    return out;
}
} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_accessibility"));
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->files()->setInteractive(false);
        QVERIFY(m_window->files()->openFile(FileController::defaultExample()));
        m_window->resize(1024, 768);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000);
    }

    void cleanup()
    {
        m_window->document()->undoStack()->setClean();
        m_window.reset();
    }

    // Tab from the first control visits every control (tables walk their cells first) and comes back.
    void tabReachesEveryControl()
    {
        const QList<QWidget*> stops = tabStops(m_window.get());
        QVERIFY(stops.size() > 10);
        QWidget* start = m_window->batchControls()->findChild<QSlider*>();
        QVERIFY(start);
        start->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), start);
        QSet<QWidget*> reached{start};
        bool left = false;
        for (int press = 0; press < 5000; ++press) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget* now = QApplication::focusWidget();
            QVERIFY2(now, "Tab lost the focus");
            left = left || now != start;
            reached.insert(now);
            if (left && now == start)
                break;
        }
        QVERIFY2(left, "Tab never left the batch slider");
        QStringList missed;
        for (QWidget* w : stops)
            if (!reached.contains(w))
                missed << describe(w);
        QVERIFY2(missed.isEmpty(), qPrintable(QStringLiteral("Tab never reaches: ") + missed.join(QStringLiteral(", "))));
    }

    void everyControlHasAName()
    {
        QStringList unnamed;
        for (QWidget* w : tabStops(m_window.get()))
            if (accessibleName(w).trimmed().isEmpty())
                unnamed << describe(w);
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("no accessible name: ") + unnamed.join(QStringLiteral(", "))));
    }

    void batchControlsSayWhatTheyDo()
    {
        BatchControls* controls = m_window->batchControls();
        const auto name = [&](const char* objectName) {
            auto* w = controls->findChild<QWidget*>(QString::fromLatin1(objectName));
            return w ? accessibleName(w) : QStringLiteral("<missing>");
        };
        QCOMPARE(name("firstBatchButton"), QStringLiteral("First batch"));
        QCOMPARE(name("previousBatchButton"), QStringLiteral("Previous batch"));
        QCOMPARE(name("playButton"), QStringLiteral("Play"));
        QCOMPARE(name("nextBatchButton"), QStringLiteral("Next batch"));
        QCOMPARE(name("lastBatchButton"), QStringLiteral("Last batch"));
        QCOMPARE(name("batchSlider"), QStringLiteral("Batch"));
        // The slider's description is the readout ("batch N of M · time").
        QAccessibleInterface* slider = QAccessible::queryAccessibleInterface(controls->slider());
        QVERIFY(slider);
        QVERIFY2(slider->text(QAccessible::Description).startsWith(QStringLiteral("batch ")), qPrintable(slider->text(QAccessible::Description)));
    }

    // A screen reader reads the Why? bubble's title and its explanation; Tab reaches the text.
    void whyBubbleIsRead()
    {
        InspectorBubble* bubble = m_window->inspector();
        bubble->showAt(m_window->mapToGlobal(QPoint(200, 200)), QStringLiteral("dropped"), QStringLiteral("its window ended before the watermark"));
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(bubble);
        QVERIFY(iface);
        QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("dropped"));
        auto* text = bubble->findChild<QLabel*>(QStringLiteral("inspectorText"));
        QVERIFY(text);
        QAccessibleInterface* textIface = QAccessible::queryAccessibleInterface(text);
        QCOMPARE(textIface->text(QAccessible::Name), QStringLiteral("Why? explanation"));
        QCOMPARE(textIface->text(QAccessible::Description), QStringLiteral("its window ended before the watermark"));
        QVERIFY(text->focusPolicy() & Qt::TabFocus);
    }

    // The projector theme: black on white, the stronger colours, thicker lines; off restores.
    void highContrastTheme()
    {
        const QColor normalFiltered = palette::fateColor(tidemark::Fate::Filtered);
        m_window->setHighContrast(true);
        QVERIFY(m_window->isHighContrast());
        QCOMPARE(m_window->palette().color(QPalette::Window), QColor(Qt::white));
        QCOMPARE(m_window->palette().color(QPalette::WindowText), QColor(Qt::black));
        QCOMPARE(m_window->batchControls()->palette().color(QPalette::Text), QColor(Qt::black));
        QVERIFY(palette::fateColor(tidemark::Fate::Filtered) != normalFiltered);
        m_window->setHighContrast(false);
        QVERIFY(!m_window->isHighContrast());
        QCOMPARE(palette::fateColor(tidemark::Fate::Filtered), normalFiltered);
        QCOMPARE(m_window->palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
    }

    // The View menu's choice is remembered; a new window starts in it.
    void highContrastIsRemembered()
    {
        QSettings().setValue(QStringLiteral("view/highContrast"), true);
        MainWindow second;
        second.restoreSettings();
        QVERIFY(second.isHighContrast());
        second.setHighContrast(false);
        QSettings().remove(QStringLiteral("view/highContrast"));
    }

    // Text follows the system font: a larger application font makes the window's text larger.
    void textScalesWithTheSystemFont()
    {
        const QFont original = QApplication::font();
        const double before = m_window->batchControls()->label()->font().pointSizeF();
        QFont big = original;
        big.setPointSizeF(original.pointSizeF() * 2);
        QApplication::setFont(big);
        MainWindow bigger;
        const double after = bigger.batchControls()->label()->font().pointSizeF();
        QApplication::setFont(original);
        QVERIFY2(after >= before * 1.9, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
