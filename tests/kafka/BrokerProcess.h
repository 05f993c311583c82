// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTest>

namespace tidemark::kafka::test {

/// `tidemark broker` in the background; stops it (SIGTERM) when destroyed.
class Broker {
public:
    bool start(const QString& dir, const QStringList& extra = {})
    {
        const QString file = dir + "/bootstrap.txt";
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral(TIDEMARK_EXE), QStringList{"broker", "--bootstrap-file", file} + extra);
        if (!m_process.waitForStarted(5000))
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly)) {
                bootstrap = QString::fromUtf8(f.readAll()).trimmed();
                if (!bootstrap.isEmpty())
                    return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                return false;
            QTest::qWait(50);
        }
        return false;
    }
    ~Broker() { stop(); }
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitCode();
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
            return -1;
        }
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    QString output() { return QString::fromUtf8(m_process.readAll()); }
    QString bootstrap;

private:
    QProcess m_process;
};

} // namespace tidemark::kafka::test
