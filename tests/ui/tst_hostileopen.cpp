// SPDX-License-Identifier: GPL-3.0-or-later
// The window opens only regular files: a FIFO would block the window for ever, a directory or
// a device is never a document. Scenario and lesson files alike get "not a regular file".
#include "ui/document/ScenarioDocument.h"
#include "ui/lessons/LessonLibrary.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace tidemark;
using namespace tidemark::ui;

class TestHostileOpen : public QObject {
    Q_OBJECT
private slots:
    void onlyRegularFilesOpen_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("a FIFO") << "fifo";
        QTest::newRow("a directory") << "directory";
        QTest::newRow("a device") << "device";
    }
    void onlyRegularFilesOpen()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QString path = dir.path();
        if (kind == "fifo") {
            path = dir.filePath("pipe.json");
            QCOMPARE(::mkfifo(path.toLocal8Bit().constData(), 0600), 0);
        } else if (kind == "device") {
            path = QStringLiteral("/dev/null");
        }
        auto scenario = ScenarioDocument::load(path);
        QVERIFY(!scenario.ok());
        QVERIFY2(scenario.error().message.find("not a regular file") != std::string::npos, scenario.error().message.c_str());
        if (kind == "fifo") {
            auto lesson = LessonLibrary::load(path);
            QVERIFY(!lesson.ok());
            QVERIFY2(lesson.error().message.find("not a regular file") != std::string::npos, lesson.error().message.c_str());
        }
    }

    void shippedScenariosStillOpen()
    {
        auto scenario = ScenarioDocument::load(QStringLiteral(":/scenarios/word-count-update.json"));
        QVERIFY2(scenario.ok(), scenario.ok() ? "" : scenario.error().describe().c_str());
    }
};

QTEST_MAIN(TestHostileOpen)
#include "tst_hostileopen.moc"
