// SPDX-License-Identifier: GPL-3.0-or-later
// View › Language switches the window between English and Korean while it runs: menus, dock
// titles, the batch readout, the plot's legend, the status bar and the explanations follow;
// Spark's own words stay as Spark prints them, with a Korean line under its errors.
// Also `tidemark --lang ko --screenshot`.
#include "ui/MainWindow.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/files/FileController.h"
#include "ui/i18n/Language.h"
#include "ui/i18n/SparkErrorHint.h"
#include "ui/inspector/Explanations.h"
#include "ui/pages/BatchControls.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/plot/EventTimePlot.h"
#include "ui/widgets/ElidedLabel.h"

#include <QtTest>

#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>

using namespace tidemark;
using namespace tidemark::ui;

namespace {
const QString kAppendWithoutWatermark = QStringLiteral(
    "Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark");

struct Shown {
    QString fileMenu, eventsDock, batch, legend, status, appendError;
};
} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void switchesLiveAndBack();
    void isRemembered();
    void sparkErrorsKeepSparksWords();
    void explanationsAreTranslated();
    void commandLineLanguage();
    void commandLineRejectsOtherLanguages();

private:
    void open(MainWindow& w, const QString& scenario);
    Shown shown(MainWindow& w);
    void choose(MainWindow& w, const char* code);
};

void TestLanguage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_language"));
    QSettings().clear();
}

void TestLanguage::cleanup()
{
    setLanguage(Language::English);
    QCoreApplication::processEvents();
}

void TestLanguage::open(MainWindow& w, const QString& scenario)
{
    w.files()->setInteractive(false);
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.files()->openFile(scenario));
    QTRY_VERIFY_WITH_TIMEOUT(w.isUpToDate(), 10000);
}

Shown TestLanguage::shown(MainWindow& w)
{
    QCoreApplication::processEvents(); // the LanguageChange Qt posts to each window
    Shown s;
    if (!QTest::qWaitFor([&w] { return w.isUpToDate(); }, 10000))
        return s; // the comparisons below say what is missing
    s.fileMenu = w.menuBar()->actions().value(0) ? w.menuBar()->actions().value(0)->text() : QString();
    s.eventsDock = w.findChild<QDockWidget*>(QStringLiteral("eventsDock"))->windowTitle();
    s.batch = w.batchControls()->label()->text();
    s.legend = w.plot()->legendNames().join(QLatin1Char('|'));
    s.status = w.findChild<ElidedLabel*>(QStringLiteral("statusWatermark"))->fullText();
    s.appendError = w.modeColumns()->column(OutputMode::Append)->errorText();
    return s;
}

void TestLanguage::choose(MainWindow& w, const char* code)
{
    // Through the menu, as the teacher does it: View › Language › 한국어.
    auto* action = w.menuBar()->findChild<QAction*>(QStringLiteral("language_") + QLatin1String(code));
    QVERIFY(action);
    action->trigger();
    QTRY_COMPARE(languageCode(currentLanguage()), QLatin1String(code));
}

void TestLanguage::switchesLiveAndBack()
{
    MainWindow w;
    open(w, QStringLiteral(":/scenarios/tumbling-window.json"));
    const Shown en = shown(w);
    QCOMPARE(en.fileMenu, QStringLiteral("&File"));
    QCOMPARE(en.eventsDock, QStringLiteral("Events"));
    QVERIFY2(en.batch.startsWith(QStringLiteral("batch ")), qPrintable(en.batch));
    QVERIFY2(en.legend.contains(QStringLiteral("window emitted this batch")), qPrintable(en.legend));
    QVERIFY2(en.status.startsWith(QStringLiteral("watermark")), qPrintable(en.status));
    QVERIFY2(en.appendError.contains(kAppendWithoutWatermark), qPrintable(en.appendError));

    choose(w, "ko");
    const Shown ko = shown(w);
    QCOMPARE(ko.fileMenu, QStringLiteral("파일(&F)"));
    QCOMPARE(ko.eventsDock, QStringLiteral("이벤트"));
    QVERIFY2(ko.batch.startsWith(QStringLiteral("배치 ")), qPrintable(ko.batch));
    QVERIFY2(ko.legend.contains(QStringLiteral("이 배치에서 출력된 윈도우")), qPrintable(ko.legend));
    QVERIFY2(!ko.legend.contains(QStringLiteral("window emitted this batch")), qPrintable(ko.legend));
    QVERIFY2(ko.status.startsWith(QStringLiteral("워터마크")), qPrintable(ko.status));
    // Spark's sentence as Spark prints it, and under it one line in Korean.
    QVERIFY2(ko.appendError.contains(kAppendWithoutWatermark), qPrintable(ko.appendError));
    QVERIFY2(ko.appendError.contains(QStringLiteral("withWatermark를 추가하세요")), qPrintable(ko.appendError));
    // The menu that switched is there again, with 한국어 ticked.
    auto* korean = w.menuBar()->findChild<QAction*>(QStringLiteral("language_ko"));
    QVERIFY(korean && korean->isChecked());

    choose(w, "en");
    const Shown back = shown(w);
    QCOMPARE(back.fileMenu, en.fileMenu);
    QCOMPARE(back.eventsDock, en.eventsDock);
    QCOMPARE(back.batch, en.batch);
    QCOMPARE(back.legend, en.legend);
    QCOMPARE(back.status, en.status);
    QCOMPARE(back.appendError, en.appendError);
}

void TestLanguage::isRemembered()
{
    MainWindow w;
    open(w, QStringLiteral(":/scenarios/word-count-update.json"));
    choose(w, "ko");
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("ko"));
    QCOMPARE(preferredLanguage(), Language::Korean);
    choose(w, "en");
    QCOMPARE(preferredLanguage(), Language::English);
}

void TestLanguage::sparkErrorsKeepSparksWords()
{
    QCOMPARE(sparkErrorHint(kAppendWithoutWatermark), QString()); // English: Spark's words need no gloss
    setLanguage(Language::Korean);
    QVERIFY(sparkErrorHint(kAppendWithoutWatermark).contains(QStringLiteral("워터마크")));
    // Any other error still gets a line saying whose words these are.
    QVERIFY(sparkErrorHint(QStringLiteral("something Spark says")).contains(QStringLiteral("AnalysisException")));
    QCOMPARE(withSparkErrorHint(QStringLiteral("X")).section(QLatin1Char('\n'), 0, 0), QStringLiteral("X"));
}

void TestLanguage::explanationsAreTranslated()
{
    MainWindow w;
    open(w, QStringLiteral(":/scenarios/word-count-update.json"));
    const QString en = explainEvent(w.view(), 9);
    QVERIFY2(en.contains(QStringLiteral("watermark")), qPrintable(en));
    setLanguage(Language::Korean);
    const QString ko = explainEvent(w.view(), 9);
    QVERIFY2(ko.contains(QStringLiteral("워터마크")) && ko.contains(QStringLiteral("배치")), qPrintable(ko));
    QVERIFY2(!ko.contains(QStringLiteral("Read by batch")), qPrintable(ko));
}

namespace {
/// Runs the window's command with settings of its own (no remembered language) in `locale`.
int runTidemark(const QStringList& args, QString* err = nullptr, const QString& locale = QStringLiteral("C.UTF-8"))
{
    static QTemporaryDir config;
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    for (const char* name : {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("LANG"), locale);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TIDEMARK_BIN), args);
    if (!p.waitForFinished(60000))
        return -1;
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode();
}
} // namespace

void TestLanguage::commandLineLanguage()
{
    QTemporaryDir dir;
    const QString scenario = QStringLiteral(TIDEMARK_SCENARIOS) + QStringLiteral("/word-count-update.json");
    QImage shots[2];
    const char* langs[] = {"en", "ko"};
    for (int i = 0; i < 2; ++i) {
        const QString png = dir.filePath(QStringLiteral("%1.png").arg(QLatin1String(langs[i])));
        QCOMPARE(runTidemark({QStringLiteral("--lang"), QLatin1String(langs[i]), QStringLiteral("--size"), QStringLiteral("1024x768"),
                              QStringLiteral("--screenshot"), png, scenario}),
                 0);
        shots[i] = QImage(png);
        QCOMPARE(shots[i].size(), QSize(1024, 768));
    }
    QVERIFY(shots[0] != shots[1]); // the Korean window is not the English one

    // Without --lang the system's locale decides: in a Korean one the window is the one --lang ko
    // shows there (the locale also picks the fonts, so both run in it).
    const auto koreanLocaleShot = [&](const QStringList& lang) {
        const QString png = dir.filePath(QStringLiteral("locale%1.png").arg(lang.size()));
        const int code = runTidemark(lang + QStringList{QStringLiteral("--size"), QStringLiteral("1024x768"), QStringLiteral("--screenshot"), png, scenario},
                                     nullptr, QStringLiteral("ko_KR.UTF-8"));
        return code == 0 ? QImage(png) : QImage();
    };
    const QImage byLocale = koreanLocaleShot({});
    QVERIFY(!byLocale.isNull());
    QCOMPARE(byLocale, koreanLocaleShot({QStringLiteral("--lang"), QStringLiteral("ko")}));
    QVERIFY(byLocale != koreanLocaleShot({QStringLiteral("--lang"), QStringLiteral("en")}));
}

void TestLanguage::commandLineRejectsOtherLanguages()
{
    QString err;
    QCOMPARE(runTidemark({QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--screenshot"), QStringLiteral("x.png")}, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("--lang needs ko or en")), qPrintable(err));
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
