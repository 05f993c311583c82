// SPDX-License-Identifier: GPL-3.0-or-later
// The Kafka panel and its bridge under the offscreen platform, against the mock cluster.
#include "LiveHarness.h"

#include "live/MockCluster.h"
#include "ui/kafka/KafkaPanel.h"
#include "ui/kafka/LiveBadge.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
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

/// 2021-07-03 12:00:00 UTC on the live clock.
constexpr Micros kNoon = 1625313600 * kMicrosPerSecond;

SourceFault fault(SourceFault::Kind kind, Micros at, std::int32_t partition = -1, std::int64_t from = -1, std::int64_t to = -1, std::string text = {})
{
    SourceFault f;
    f.kind = kind;
    f.at = at;
    f.partition = partition;
    f.fromOffset = from;
    f.toOffset = to;
    f.text = std::move(text);
    return f;
}

/// What the worker would send: the source's stats with its newest faults, and `count` faults in all.
KafkaUpdate statsUpdate(SourceState state, std::deque<SourceFault> faults, std::int64_t count)
{
    KafkaUpdate u;
    u.stats.state = state;
    u.stats.status = sourceStateName(state);
    u.stats.faults = std::move(faults);
    u.stats.faultCount = count;
    return u;
}

KafkaSourceConfig eventsTopic()
{
    KafkaSourceConfig c;
    c.topic = "events";
    return c;
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
                n += static_cast<int>(args.at(0).value<SharedKafkaBatch>()->messages.size());
            return n == 5;
        }(), 5000);
        std::int64_t expected = 0;
        Micros lastUpTo = 0;
        for (const auto& args : arrived) {
            const KafkaBatch batch = *args.at(0).value<SharedKafkaBatch>();
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

    void faultHistoryStaysAfterTheSourceForgetsIt()
    {
        KafkaBridge bridge;
        KafkaPanel panel(&bridge);
        panel.resize(420, 700);
        panel.show();
        bridge.startWithoutConsumer(eventsTopic());
        const SourceFault lost = fault(SourceFault::Kind::BrokerLost, kNoon + 2 * kMicrosPerSecond, -1, -1, -1, "no broker answers");
        bridge.deliverWithoutConsumer(statsUpdate(SourceState::Reconnecting, {lost}, 1));
        QVERIFY(panel.statusLabel()->text().contains("Reconnecting"));
        QCOMPARE(panel.faultList()->topLevelItemCount(), 1);
        QCOMPARE(panel.faultList()->topLevelItem(0)->text(0), QString("12:00:02"));
        QVERIFY(panel.faultList()->topLevelItem(0)->text(3).contains("broker lost"));
        QVERIFY(panel.faultList()->topLevelItem(0)->text(3).contains("no broker answers"));
        QCOMPARE(panel.faultTitle()->text(), QString("Faults: 1"));
        QCOMPARE(panel.lostLabel()->text(), QString("0"));
        QCOMPARE(panel.doubledLabel()->text(), QString("0"));
        // Every field and counter says what it is.
        QStringList labels;
        for (const QLabel* l : panel.findChildren<QLabel*>())
            if (l->isVisible())
                labels << l->text();
        for (const char* name : {"Bootstrap servers", "Topic", "Consumer group", "Messages received", "Malformed", "Lag", "Lost", "Doubled"})
            QVERIFY2(labels.contains(QString(name)), name);

        // The same faults again (the worker sends its stats ~30 times a second): no new rows.
        bridge.deliverWithoutConsumer(statsUpdate(SourceState::Reconnecting, {lost}, 1));
        QCOMPARE(panel.faultList()->topLevelItemCount(), 1);

        // Back, with offsets skipped (failOnDataLoss=false): the range is listed, the loss counted.
        const SourceFault back = fault(SourceFault::Kind::BrokerBack, kNoon + 32 * kMicrosPerSecond);
        const SourceFault missed = fault(SourceFault::Kind::OffsetsMissed, kNoon + 32 * kMicrosPerSecond, 0, 100, 300, "deleted before they were read");
        KafkaUpdate u = statsUpdate(SourceState::Connected, {lost, back, missed}, 3);
        u.stats.offsetsMissed = 200;
        bridge.deliverWithoutConsumer(u);
        QVERIFY(panel.statusLabel()->text().contains("Connected"));
        QCOMPARE(panel.faultList()->topLevelItemCount(), 3);
        QCOMPARE(panel.faultList()->topLevelItem(2)->text(1), QString("0"));
        QCOMPARE(panel.faultList()->topLevelItem(2)->text(2), QString("100–299"));
        QVERIFY(panel.faultList()->topLevelItem(2)->text(3).contains("offsets missed"));
        QCOMPARE(panel.lostLabel()->text(), QString("⚠ 200"));

        // A burst bigger than the source keeps: all counted, the newest listed, the rest said.
        std::deque<SourceFault> newest;
        for (int i = 0; i < 1000; ++i)
            newest.push_back(fault(SourceFault::Kind::MessageRefused, kNoon + 40 * kMicrosPerSecond, 1, 5000 + i, 5001 + i, "too large"));
        bridge.deliverWithoutConsumer(statsUpdate(SourceState::Connected, newest, 3 + 1500));
        QCOMPARE(panel.faultList()->topLevelItemCount(), 1000);
        QCOMPARE(panel.faultList()->topLevelItem(999)->text(2), QString("5999"));
        QCOMPARE(panel.faultTitle()->text(), QString("Faults: %1 (the newest %2 listed)").arg(QLocale().toString(1503), QLocale().toString(1000)));

        // Spark's error stops the query: shown, and still shown after Disconnect with the history.
        KafkaUpdate failed = statsUpdate(SourceState::Failed, newest, 1503);
        failed.stats.error = "Partition events-0's offset was changed from 300 to 0, some data may have been missed. "
                             "Some data may have been lost because they are not available in Kafka any more; ...";
        bridge.deliverWithoutConsumer(failed);
        QVERIFY(panel.errorLabel()->isVisible());
        QVERIFY(panel.errorLabel()->text().contains("some data may have been missed"));
        QVERIFY(panel.statusLabel()->text().contains("Stopped"));
        bridge.disconnectFromTopic();
        QVERIFY(panel.errorLabel()->isVisible());
        QCOMPARE(panel.faultList()->topLevelItemCount(), 1000);
        QVERIFY(panel.statusLabel()->text().contains("disconnected"));

        // The next Connect (here while a connection with faults still runs) starts a new
        // history: the old connection's last stats do not list its faults again.
        bridge.startWithoutConsumer(eventsTopic());
        bridge.deliverWithoutConsumer(statsUpdate(SourceState::Reconnecting, {lost, back}, 2));
        QCOMPARE(panel.faultList()->topLevelItemCount(), 1000);
        panel.topicEdit()->setText("events");
        panel.bootstrapEdit()->setText(QString("127.0.0.1:%1").arg(unusedPort()));
        QTest::mouseClick(panel.connectButton(), Qt::LeftButton);
        QCOMPARE(panel.faultList()->topLevelItemCount(), 0);
        QVERIFY(!panel.errorLabel()->isVisible());
        QCOMPARE(panel.faultTitle()->text(), QString("Faults: 0"));
        bridge.disconnectFromTopic();
    }

    void badgeShowsTheRealState()
    {
        KafkaBridge bridge;
        QWidget window;
        auto* badge = new LiveBadge(&bridge, &window);
        window.show();
        QVERIFY(!badge->isVisible());
        bridge.startWithoutConsumer(eventsTopic());
        const auto show = [&](SourceState state) {
            KafkaUpdate u = statsUpdate(state, {}, 0);
            if (state == SourceState::Failed)
                u.stats.error = "Some data may have been lost ... set the source option \"failOnDataLoss\" to \"false\".";
            bridge.deliverWithoutConsumer(u);
            return badge->isVisible() ? badge->text() : QString("(hidden)");
        };
        QCOMPARE(show(SourceState::Connecting), QString("… CONNECTING"));
        QCOMPARE(show(SourceState::Unreachable), QString("⚠ UNREACHABLE"));
        QCOMPARE(show(SourceState::Connected), QString("● LIVE events"));
        // LIVE only while connected: the shape and the word change, not only the colour.
        QCOMPARE(show(SourceState::Reconnecting), QString("⟳ RECONNECTING events"));
        QCOMPARE(show(SourceState::Connected), QString("● LIVE events"));
        QCOMPARE(show(SourceState::Failed), QString("■ STOPPED events"));
        QVERIFY(badge->toolTip().contains("failOnDataLoss"));
        QCOMPARE(badge->accessibleName(), QString("■ STOPPED events"));
        bridge.disconnectFromTopic();
        QVERIFY(!badge->isVisible());
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
