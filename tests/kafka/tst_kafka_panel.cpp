// SPDX-License-Identifier: GPL-3.0-or-later
// The Kafka panel and its bridge under the offscreen platform, against the mock cluster.
#include "LiveHarness.h"

#include "live/MockCluster.h"
#include "ui/kafka/KafkaPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace tidemark;
using namespace tidemark::kafka;
using namespace tidemark::kafka::test;

namespace {

Scenario classroom()
{
    auto sc = loadScenarioFile(TIDEMARK_SCENARIOS "/kafka-stream-with-watermark.json");
    return sc.value();
}

} // namespace

class TestKafkaPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(std::string(TIDEMARK_KCAT).size() > 0, "kcat not found: apt-get install kcat"); }

    void connectReceiveAndListMalformed()
    {
        MockCluster cluster;
        QVERIFY(cluster.ok());
        QVERIFY(cluster.createTopic("events", 1));
        const Scenario sc = classroom();
        KafkaBridge bridge;
        bridge.setSourceSchema(sc.sources[0].schema, sc.zone, MessageParser::eventTimeColumnOf(sc, sc.sources[0]));
        KafkaPanel panel(&bridge);
        panel.resize(600, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        QSignalSpy requested(&panel, &KafkaPanel::connectRequested);
        QSignalSpy started(&bridge, &KafkaBridge::started);
        QSignalSpy arrived(&bridge, &KafkaBridge::messagesArrived);
        panel.bootstrapEdit()->setText(QString::fromStdString(cluster.bootstrap()));
        panel.startingOffsetsBox()->setCurrentText("earliest");
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(1, 1625238000), jsonEvent(2, 1625238300)}));
        QTest::mouseClick(panel.connectButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).value<KafkaSettings>().topic, std::string("events"));
        QVERIFY(bridge.isRunning());
        QVERIFY(panel.disconnectButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(panel.statusLabel()->text().contains("Connected"), 10000);

        const QElapsedTimer since = [] { QElapsedTimer t; t.start(); return t; }();
        QVERIFY(kcatProduce(cluster.bootstrap(), "events", {jsonEvent(3, 1625238600), "oops, not json", R"({"emp_id":9})"}));
        QTRY_COMPARE_WITH_TIMEOUT(panel.receivedLabel()->text(), QString("5"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(panel.malformedLabel()->text(), QString("2"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(panel.malformedList()->topLevelItemCount(), 2, 5000);
        QCOMPARE(panel.malformedList()->topLevelItem(0)->text(0), QString("0:3"));
        QVERIFY(panel.malformedList()->topLevelItem(0)->text(1).contains("not JSON"));
        QVERIFY(panel.malformedList()->topLevelItem(1)->text(1).contains("missing"));
        panel.malformedList()->setCurrentItem(panel.malformedList()->topLevelItem(1));
        QCOMPARE(panel.lagLabel()->text(), QString("0"));
        QCOMPARE(bridge.malformedMessages().size(), 2);

        // every message reached the UI thread once, in offset order, with its horizon
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            int n = 0;
            for (const auto& args : arrived)
                n += static_cast<int>(args.at(0).value<KafkaBatch>().messages.size());
            return n == 5;
        }(), 5000);
        std::int64_t expected = 0;
        Micros lastUpTo = 0;
        for (const auto& args : arrived) {
            const auto batch = args.at(0).value<KafkaBatch>();
            QVERIFY(batch.upTo >= lastUpTo);
            lastUpTo = batch.upTo;
            for (const auto& m : batch.messages) {
                QCOMPARE(m.offset, expected++);
                QVERIFY(m.at <= batch.upTo);
            }
        }
        // ... at most ~30 times a second, plus idle horizon updates at most ~10 a second
        const double seconds = static_cast<double>(since.elapsed()) / 1000.0;
        QVERIFY2(arrived.count() <= 5 + static_cast<int>(seconds * 31), qPrintable(QString::number(arrived.count())));

        QTest::mouseClick(panel.disconnectButton(), Qt::LeftButton);
        QVERIFY(!bridge.isRunning());
        QVERIFY(panel.statusLabel()->text().contains("disconnected"));
        QVERIFY(!panel.disconnectButton()->isEnabled());
        QCOMPARE(panel.receivedLabel()->text(), QString("5")); // counters stay for the class to read
    }

    void unreachableShowsHintQuickly()
    {
        KafkaBridge bridge;
        KafkaPanel panel(&bridge);
        panel.show();
        KafkaSettings s;
        s.bootstrapServers = "127.0.0.1:" + std::to_string(unusedPort());
        s.topic = "events";
        panel.setSettings(s);
        QElapsedTimer t;
        t.start();
        QTest::mouseClick(panel.connectButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel.hintLabel()->isVisible(), 5000);
        QVERIFY(t.elapsed() < 5000);
        QVERIFY(panel.statusLabel()->text().contains("Unreachable"));
        QVERIFY(panel.hintLabel()->text().contains("localhost:9092"));
        QVERIFY(panel.hintLabel()->text().contains("kafka:9093"));
        // the UI stays responsive while the worker retries
        QElapsedTimer ui;
        ui.start();
        QTest::qWait(50);
        QVERIFY(ui.elapsed() < 1000);
        t.restart();
        bridge.disconnectFromTopic();
        QVERIFY(t.elapsed() < 5000);
    }

    void settingsRoundTrip()
    {
        KafkaBridge bridge;
        KafkaPanel panel(&bridge);
        KafkaSettings s;
        s.bootstrapServers = "kafka:9093";
        s.topic = "clicks";
        s.startingOffsets = "earliest";
        s.groupId = "class-a";
        s.maxOffsetsPerTrigger = 100;
        panel.setSettings(s);
        QCOMPARE(panel.settings(), s);
        QSignalSpy requested(&panel, &KafkaPanel::connectRequested);
        panel.topicEdit()->clear();
        QTest::mouseClick(panel.connectButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 0); // no topic: asks for one instead of connecting
        QVERIFY(!bridge.isRunning());
    }
};

QTEST_MAIN(TestKafkaPanel)
#include "tst_kafka_panel.moc"
