// SPDX-License-Identifier: GPL-3.0-or-later
// The main window live on the course's other sources: File › Live Input… offers Kafka, a socket
// and a directory; a directory of JSON files (maxFilesPerTrigger 1) and a real socket drive the
// window's session, the Kafka panel shows their counters and faults, and Disconnect leaves the
// recording as one undo step.
#include "LiveInputHarness.h"
#include "tests/ui/TestSupport.h"

#include "ui/MainWindow.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/kafka/KafkaPanel.h"
#include "ui/kafka/LiveController.h"
#include "ui/kafka/LiveSourceDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

using namespace tidemark;
using namespace tidemark::kafka;
using tidemark::ui::LiveInputSettings;
using tidemark::ui::LiveSourceDialog;
using tidemark::ui::MainWindow;

namespace {

/// Writes dir/name through a hidden temporary and a rename, as a careful producer does.
void dropFile(const QString& dir, const QString& name, const std::string& text)
{
    const QString tmp = dir + "/." + name + ".tmp";
    {
        std::ofstream out(tmp.toStdString(), std::ios::binary);
        out << text;
    }
    QVERIFY(QFile::rename(tmp, dir + "/" + name));
}

std::string activityLines(const std::vector<std::string>& gts)
{
    std::string out;
    for (const auto& gt : gts)
        out += "{\"User\":\"a\",\"gt\":\"" + gt + "\"}\n";
    return out;
}

} // namespace

class TestLiveInputWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_live_input_window"));
    }

    void cleanup()
    {
        if (m_window) {
            m_window->live()->stop();
            m_window->document()->undoStack()->setClean();
            m_window.reset();
        }
    }

    void directoryOfFilesDrivesTheWindow()
    {
        open(TIDEMARK_SCENARIOS "/directory-activity-count.json");
        QTemporaryDir dir;
        dropFile(dir.path(), "part-0.json", activityLines({"stand", "stand", "sit"}));
        LiveInputSettings s;
        s.kind = LiveInputSettings::Kind::Directory;
        s.directory.path = dir.path().toStdString();
        s.directory.maxFilesPerTrigger = 1;
        m_window->live()->startInput(s);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->live()->batches() == 1, 10000);
        // Two files at once: still one per batch.
        dropFile(dir.path(), "part-1.json", activityLines({"walk", "stand"}));
        dropFile(dir.path(), "part-2.json", activityLines({"bike"}));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->live()->batches() == 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->document()->scenario()->sources[0].events.size(), std::size_t(6), 10000);
        KafkaPanel* panel = m_window->kafkaPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->receivedLabel()->text(), QStringLiteral("6"), 5000);
        tidemark::test::saveShot(*m_window, QStringLiteral("live-directory"), 300);

        const Scenario recorded = m_window->live()->recording();
        QCOMPARE(recorded.sources[0].events.size(), std::size_t(6));
        m_window->live()->stop();
        QVERIFY(!m_window->live()->isLive());
        QCOMPARE(m_window->document()->undoStack()->undoText(), QStringLiteral("Record live session"));
        QCOMPARE(m_window->document()->scenario()->sources[0].events.size(), std::size_t(6));
    }

    void socketDrivesTheWindowAndAClosedServerIsShown()
    {
        open(TIDEMARK_SCENARIOS "/socket-word-count.json");
        const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(listener, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
        QCOMPARE(::listen(listener, 1), 0);
        socklen_t len = sizeof a;
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&a), &len);
        LiveInputSettings s;
        s.kind = LiveInputSettings::Kind::Socket;
        s.socket.host = "127.0.0.1";
        s.socket.port = ntohs(a.sin_port);
        m_window->live()->startInput(s);
        pollfd p{listener, POLLIN, 0};
        QVERIFY(::poll(&p, 1, 10000) == 1);
        const int client = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        QVERIFY(client >= 0);
        const std::string lines = "hello spark\nhello\n";
        QCOMPARE(::send(client, lines.data(), lines.size(), MSG_NOSIGNAL), static_cast<ssize_t>(lines.size()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->live()->batches() >= 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->document()->scenario()->sources[0].events.size(), std::size_t(2), 10000);
        ::close(client);
        ::close(listener);
        KafkaPanel* panel = m_window->kafkaPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->statusLabel()->text().contains(QStringLiteral("does not reconnect")), 10000);
        // The panel names the socket instead of offering the topic's fields while it is read.
        QVERIFY(!panel->connectButton()->isVisibleTo(panel));
        QVERIFY(!panel->bootstrapEdit()->isVisibleTo(panel));
        m_window->showKafkaPanel(); // as File › Live Input… does
        tidemark::test::saveShot(*m_window, QStringLiteral("live-socket-closed"), 300);
        QCOMPARE(m_window->live()->recording().sources[0].schema.size(), std::size_t(1));
        m_window->live()->stop();
        QVERIFY(panel->connectButton()->isVisibleTo(panel));
        QVERIFY(panel->bootstrapEdit()->isVisibleTo(panel));
    }

    void dialogOffersTheThreeSourcesAndSaysWhatIsWrong()
    {
        LiveSourceDialog dialog;
        QCOMPARE(dialog.kindBox()->count(), 3);
        dialog.kindBox()->setCurrentIndex(2);
        QCOMPARE(dialog.choice(), LiveSourceDialog::Choice::Directory);
        dialog.directoryEdit()->setText(QStringLiteral("/nonexistent/drops"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("Path does not exist")));
        dialog.show();
        tidemark::test::saveShot(dialog, QStringLiteral("live-input-dialog"), 100);

        QTemporaryDir dir;
        dialog.directoryEdit()->setText(dir.path());
        dialog.maxFileAgeEdit()->setText(QStringLiteral("2 weeks"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("maxFileAge")));
        dialog.maxFileAgeEdit()->setText(QStringLiteral("12h"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const LiveInputSettings s = dialog.inputSettings();
        QCOMPARE(s.directory.maxFileAgeMs, 12LL * 3600 * 1000);
        QCOMPARE(s.directory.maxFilesPerTrigger.value_or(0), 1);

        dialog.kindBox()->setCurrentIndex(1);
        dialog.includeTimestampBox()->setChecked(true);
        QCOMPARE(dialog.inputSettings().kind, LiveInputSettings::Kind::Socket);
        QCOMPARE(dialog.inputSettings().socket.port, 9999);
        QVERIFY(dialog.inputSettings().socket.includeTimestamp);
    }

private:
    void open(const char* scenario)
    {
        m_window = std::make_unique<MainWindow>();
        m_window->files()->setInteractive(false);
        QVERIFY(m_window->files()->openFile(QString::fromUtf8(scenario)));
        m_window->resize(1024, 768);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isUpToDate(), 10000);
    }

    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestLiveInputWindow)
#include "tst_live_input_window.moc"
