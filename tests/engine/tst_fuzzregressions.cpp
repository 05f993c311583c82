// SPDX-License-Identifier: GPL-3.0-or-later
// Every input a fuzzer ever crashed on (tests/fuzz/regressions/<target>/), replayed through the
// same pipeline as the fuzzer: each must end in results or clean refusals, never in a crash, a
// sanitizer report (in the sanitized build), an exception, a broken promise or an internal error.
#include "tests/fuzz/FuzzPipeline.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace tidemark;

namespace {

void addInputs(const char* target)
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(TIDEMARK_FUZZ_REGRESSIONS "/") + QLatin1String(target));
    QVERIFY2(dir.exists(), qPrintable(dir.path()));
    const auto names = dir.entryList(QDir::Files, QDir::Name);
    for (const QString& name : names)
        QTest::addRow("%s", qPrintable(name)) << dir.filePath(name);
}

QByteArray readInput(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void verifyClean(const fuzz::Outcome& outcome)
{
    QVERIFY2(outcome.broken.empty(), outcome.broken.c_str());
    for (const std::string& error : outcome.errors) {
        QVERIFY(!error.empty());
        QVERIFY2(error.find("internal error") == std::string::npos, error.c_str());
    }
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private slots:
    void scenarios_data() { addInputs("fuzz_scenario"); }
    void scenarios()
    {
        QFETCH(QString, path);
        const QByteArray bytes = readInput(path);
        QVERIFY2(!bytes.isNull(), qPrintable(path));
        verifyClean(fuzz::exerciseScenario({bytes.constData(), static_cast<std::size_t>(bytes.size())}));
    }

    void expressions_data() { addInputs("fuzz_sql"); }
    void expressions()
    {
        QFETCH(QString, path);
        const QByteArray bytes = readInput(path);
        QVERIFY2(!bytes.isNull(), qPrintable(path));
        verifyClean(fuzz::exerciseExpression({bytes.constData(), static_cast<std::size_t>(bytes.size())}));
    }

    /// The checks themselves: a scenario whose query Spark rejects is a clean refusal, and the
    /// seeds of both fuzzers pass (so an empty regressions folder still tests something).
    void seedsPassAndRefusalsAreClean()
    {
        const auto refused = fuzz::exerciseScenario(R"({"tidemark": 1, "sources": {}, "query": {"source": "nope"}})");
        QVERIFY(refused.broken.empty());
        QCOMPARE(refused.errors.size(), std::size_t{1});
        for (const char* target : {"fuzz_scenario", "fuzz_sql"}) {
            const QDir dir(QStringLiteral(TIDEMARK_FUZZ_CORPUS "/") + QLatin1String(target));
            const auto names = dir.entryList(QDir::Files, QDir::Name);
            QVERIFY2(!names.isEmpty(), qPrintable(dir.path()));
            for (const QString& name : names) {
                const QByteArray bytes = readInput(dir.filePath(name));
                const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
                verifyClean(target == std::string_view("fuzz_sql") ? fuzz::exerciseExpression(text) : fuzz::exerciseScenario(text));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
