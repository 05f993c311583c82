// SPDX-License-Identifier: GPL-3.0-or-later
// The handouts: the storyboard PDF (one page per batch, its text layer read back with
// poppler-utils' pdfinfo and pdftotext), the plot frames, their command line and menu.
#include "ui/MainWindow.h"
#include "ui/compute/RecomputeService.h"
#include "ui/compute/ViewState.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/export/ExportActions.h"
#include "ui/export/GifWriter.h"
#include "ui/export/LessonNotes.h"
#include "ui/export/PlotFrames.h"
#include "ui/export/Storyboard.h"
#include "ui/export/StoryboardPage.h"
#include "ui/files/FileController.h"
#include "ui/i18n/Language.h"
#include "ui/lessons/LessonController.h"
#include "ui/lessons/LessonLibrary.h"
#include "ui/plot/EventTimePlot.h"
#include "ui/Palette.h"
#include "TestSupport.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QImageReader>
#include <QRandomGenerator>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tidemark;
using namespace tidemark::ui;

namespace {

const QString kScenarios = QStringLiteral(TIDEMARK_SCENARIOS);

SnapshotPtr snapshotOf(const QString& file)
{
    auto sc = ScenarioDocument::load(kScenarios + QLatin1Char('/') + file);
    if (!sc)
        qFatal("%s: %s", qPrintable(file), sc.error().describe().c_str());
    return buildSnapshot(std::make_shared<const Scenario>(std::move(sc.value())), 1);
}

/// A poppler tool's standard output (pdfinfo, pdftotext); empty with a failure when it is missing.
QString poppler(const QString& tool, const QStringList& args)
{
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s failed (scripts/install-deps installs poppler-utils): %s", qPrintable(tool), p.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

int numPages(const QString& pdf)
{
    const auto m = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)$"), QRegularExpression::MultilineOption).match(poppler(QStringLiteral("pdfinfo"), {pdf}));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

/// The text layer of page `page` (1-based): laid out as printed (rows of a table on one line),
/// or in the order it was drawn (a paragraph wrapped in a narrow column stays whole).
QString pageText(const QString& pdf, int page, bool layout = true)
{
    return poppler(QStringLiteral("pdftotext"), {layout ? QStringLiteral("-layout") : QStringLiteral("-raw"), QStringLiteral("-f"), QString::number(page),
                                                 QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")});
}

bool hasHangul(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
}

struct Run {
    int code = -1;
    QString out, err;
};
Run runTidemark(const QStringList& args)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the command chooses offscreen itself without a display
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TIDEMARK_BIN), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestStoryboard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void onePagePerBatchWithItsHeading_data();
    void onePagePerBatchWithItsHeading();
    void pagesCarryWatermarksFatesAndMarks();
    void modesPickTheColumns();
    void longTablesShowTheirChangesFirst();
    void lessonStepsPrintOnTheirBatches();
    void lessonNotesFollowTheStepBefore();
    void unwritablePathIsAnError();
    void framesAreBatches();
    void gifIsTheFrames();
    void gifCodesEveryPixelExactly_data();
    void gifCodesEveryPixelExactly();
    void commandLine();
    void commandLineErrors();
    void exportMenu();
};

void TestStoryboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "poppler-utils is missing: run scripts/install-deps");
}

void TestStoryboard::cleanup() { setLanguage(Language::English); }

void TestStoryboard::onePagePerBatchWithItsHeading_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("korean");
    // Every shipped scenario in English; a window, a join and a session in Korean.
    for (const QString& f : QDir(kScenarios).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(f + QStringLiteral(" en"))) << f << false;
    for (const char* f : {"word-count-update.json", "stream-stream-left-outer-with-watermark.json", "session-windows.json"})
        QTest::newRow((std::string(f) + " ko").c_str()) << QString::fromLatin1(f) << true;
}

void TestStoryboard::onePagePerBatchWithItsHeading()
{
    QFETCH(QString, file);
    QFETCH(bool, korean);
    setLanguage(korean ? Language::Korean : Language::English);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("story.pdf"));
    const SnapshotPtr snapshot = snapshotOf(file);
    const Status s = writeStoryboard(pdf, snapshot, {});
    QVERIFY2(s.ok(), s.ok() ? "" : s.error().describe().c_str());
    const ViewState view = ViewState::at(snapshot, 0);
    QVERIFY(view.numBatches() > 0);
    QCOMPARE(numPages(pdf), view.numBatches());
    const QString title = QString::fromStdString(snapshot->scenario->title);
    for (int i = 0; i < view.numBatches(); ++i) {
        const QString text = pageText(pdf, i + 1);
        const QString heading = StoryboardPage::heading(ViewState::at(snapshot, i).batchId());
        // The heading as a word: "Batch 1" must not be found in "Batch 12".
        const QRegularExpression word(QRegularExpression::escape(heading) + QStringLiteral("(?!\\d)"));
        QVERIFY2(text.contains(word), qPrintable(QStringLiteral("page %1 lacks \"%2\":\n%3").arg(i + 1).arg(heading, text)));
        QVERIFY2(text.contains(title.left(20)), qPrintable(QStringLiteral("page %1 lacks the title").arg(i + 1)));
        QVERIFY2(text.contains(StoryboardPage::tr("page %1 of %2").arg(i + 1).arg(view.numBatches())), qPrintable(text));
        // Paper cannot be clicked: the plot's legend prints whole, without its fold entry.
        QVERIFY2(!text.contains(EventTimePlot::tr("▾ hide the legend")) && !text.contains(QStringLiteral("click to show")), qPrintable(text));
        if (korean) // the Korean texts render as text, not as boxes or pictures
            QVERIFY2(hasHangul(text), qPrintable(text));
    }
}

void TestStoryboard::pagesCarryWatermarksFatesAndMarks()
{
    // Word count, batch 1 (page 2): the watermark 11:58 used, 12:04 computed for the next
    // batch; it reads two events, one late but accepted; update's sink gets four rows, one
    // of them a window whose count changed.
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("wc.pdf"));
    QVERIFY(writeStoryboard(pdf, snapshotOf(QStringLiteral("word-count-update.json")), {}).ok());
    const QString text = pageText(pdf, 2);
    QVERIFY2(text.contains(QStringLiteral("in this batch: 11:58:00")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("computed for the next batch: 12:04:00")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Events this batch read: 2")), qPrintable(text));
    QVERIFY2(text.contains(palette::fateLabel(Fate::LateAccepted)), qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("~\\s+12:05.12:15\\s+dog\\s+2"))), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("State store")), qPrintable(text));
    // Batch 2 (page 3) drops a late row: its fate is printed beside the event.
    QVERIFY2(pageText(pdf, 3).contains(palette::fateLabel(Fate::DroppedByWatermark)) || pageText(pdf, 4).contains(palette::fateLabel(Fate::DroppedByWatermark)),
             "no page shows a dropped event");
}

void TestStoryboard::modesPickTheColumns()
{
    QTemporaryDir dir;
    const SnapshotPtr snapshot = snapshotOf(QStringLiteral("word-count-update.json"));
    // Word count with a watermark: Spark accepts all three modes.
    QCOMPARE(storyboardModes(*snapshot), (std::vector<OutputMode>{OutputMode::Append, OutputMode::Update, OutputMode::Complete}));
    const QString all = dir.filePath(QStringLiteral("all.pdf"));
    QVERIFY(writeStoryboard(all, snapshot, {}).ok());
    QVERIFY(pageText(all, 1).contains(QStringLiteral("complete")));
    StoryboardOptions options;
    options.modes = {OutputMode::Update};
    const QString one = dir.filePath(QStringLiteral("update.pdf"));
    QVERIFY(writeStoryboard(one, snapshot, options).ok());
    const QString text = pageText(one, 2);
    QVERIFY2(text.contains(QStringLiteral("update — the query's output mode")), qPrintable(text));
    QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("^\\s*complete\\b"), QRegularExpression::MultilineOption)), qPrintable(text));
    // A join without watermarks runs in append only: the default leaves out what Spark
    // rejects; a rejected mode asked for prints Spark's error in its place.
    const SnapshotPtr join = snapshotOf(QStringLiteral("stream-stream-inner.json"));
    QCOMPARE(storyboardModes(*join), std::vector<OutputMode>{OutputMode::Append});
    options.modes = {OutputMode::Append, OutputMode::Update};
    const QString rejected = dir.filePath(QStringLiteral("rejected.pdf"));
    QVERIFY(writeStoryboard(rejected, join, options).ok());
    const QString page = pageText(rejected, 1, false).simplified();
    QVERIFY2(page.contains(QStringLiteral("AnalysisException: Join between two streaming DataFrames/Datasets is not supported in Update output mode")),
             qPrintable(page));
}

void TestStoryboard::longTablesShowTheirChangesFirst()
{
    // Sixty words in the first windows, then one more word, "zzz", sorted after them all: the
    // complete table's rows for it are the last of 122, far past what a page holds.
    QFile file(kScenarios + "/word-count-update.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray events;
    for (int i = 0; i < 60; ++i)
        events.append(QJsonObject{{QStringLiteral("at"), QStringLiteral("12:01:00")},
                                  {QStringLiteral("row"), QJsonObject{{QStringLiteral("timestamp"), QStringLiteral("12:00:00")},
                                                                      {QStringLiteral("value"), QStringLiteral("w%1").arg(i, 2, 10, QLatin1Char('0'))}}}});
    events.append(QJsonObject{{QStringLiteral("at"), QStringLiteral("12:06:00")},
                              {QStringLiteral("row"), QJsonObject{{QStringLiteral("timestamp"), QStringLiteral("12:01:00")}, {QStringLiteral("value"), QStringLiteral("zzz")}}}});
    QJsonObject sources = root.value(QStringLiteral("sources")).toObject();
    QJsonObject lines = sources.value(QStringLiteral("lines")).toObject();
    lines.insert(QStringLiteral("events"), events);
    sources.insert(QStringLiteral("lines"), lines);
    root.insert(QStringLiteral("sources"), sources);
    QTemporaryDir dir;
    const QString scenarioFile = dir.filePath(QStringLiteral("long.json"));
    QFile out(scenarioFile);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();
    auto sc = ScenarioDocument::load(scenarioFile);
    QVERIFY2(sc.ok(), sc.ok() ? "" : sc.error().describe().c_str());
    StoryboardOptions options;
    options.modes = {OutputMode::Complete};
    const QString pdf = dir.filePath(QStringLiteral("long.pdf"));
    QVERIFY(writeStoryboard(pdf, buildSnapshot(std::make_shared<const Scenario>(std::move(sc.value())), 1), options).ok());
    // The page of the batch that read "zzz" prints its new rows, marked, window and all
    // (the events list names the word too, but without a mark or a window).
    const QRegularExpression newRow(QStringLiteral("\\+\\s+12:\\d\\d.12:\\d\\d\\s+zzz\\s+1"));
    bool found = false;
    for (int page = 1; page <= numPages(pdf); ++page)
        found = found || pageText(pdf, page).contains(newRow);
    QVERIFY2(found, "no page shows the rows the batch added to a long table");
}

void TestStoryboard::lessonStepsPrintOnTheirBatches()
{
    auto lesson = LessonLibrary::load(QStringLiteral("notebook-sliding-watermark"));
    QVERIFY(lesson.ok());
    const SnapshotPtr snapshot = buildSnapshot(std::make_shared<const Scenario>(lesson->scenario), 1);
    StoryboardOptions options;
    options.lesson = *lesson;
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("lesson.pdf"));
    QVERIFY(writeStoryboard(pdf, snapshot, options).ok());
    const int batches = ViewState::at(snapshot, 0).numBatches();
    QCOMPARE(numPages(pdf), batches);
    const auto notes = lessonNotesByBatch(*lesson, batches, QStringLiteral("en"));
    int printed = 0;
    for (int b = 0; b < batches; ++b)
        for (const QString& note : notes[static_cast<std::size_t>(b)]) {
            // "Step 3." on the page of its batch, and on no other.
            const QString step = note.section(QLatin1Char(' '), 0, 1);
            for (int page = 1; page <= batches; ++page)
                QCOMPARE(pageText(pdf, page).contains(step + QLatin1Char(' ')), page == b + 1);
            ++printed;
        }
    QCOMPARE(printed, static_cast<int>(lesson->steps.size()));
}

void TestStoryboard::lessonNotesFollowTheStepBefore()
{
    Lesson lesson;
    for (std::optional<std::size_t> batch : {std::optional<std::size_t>(1), std::optional<std::size_t>(), std::optional<std::size_t>(0),
                                             std::optional<std::size_t>(9)}) {
        LessonStep step;
        step.batch = batch;
        step.text.en = "text " + std::to_string(lesson.steps.size() + 1);
        step.text.ko = "글 " + std::to_string(lesson.steps.size() + 1);
        lesson.steps.push_back(step);
    }
    const auto notes = lessonNotesByBatch(lesson, 3, QStringLiteral("ko"));
    QCOMPARE(notes.size(), std::size_t(3));
    QCOMPARE(notes[0], QStringList{QStringLiteral("Step 3. 글 3")});
    QCOMPARE(notes[1], (QStringList{QStringLiteral("Step 1. 글 1"), QStringLiteral("Step 2. 글 2")})); // no batch: the one before's
    QVERIFY(notes[2].isEmpty()); // step 4 names a batch past the run: on no page
}

void TestStoryboard::unwritablePathIsAnError()
{
    const Status s = writeStoryboard(QStringLiteral("/nonexistent-folder/x.pdf"), snapshotOf(QStringLiteral("word-count-update.json")), {});
    QVERIFY(!s.ok());
    QVERIFY2(QString::fromStdString(s.error().describe()).contains(QStringLiteral("/nonexistent-folder/x.pdf")), s.error().describe().c_str());
}

void TestStoryboard::framesAreBatches()
{
    QTemporaryDir dir;
    const QString frames = dir.filePath(QStringLiteral("frames"));
    const SnapshotPtr snapshot = snapshotOf(QStringLiteral("sliding-with-watermark.json"));
    const auto written = writePlotFrames(frames, snapshot, QSize(640, 360));
    QVERIFY(written.ok());
    const int batches = ViewState::at(snapshot, 0).numBatches();
    QCOMPARE(*written, batches);
    QCOMPARE(QDir(frames).entryList({QStringLiteral("*.png")}, QDir::Files).size(), batches);
    QImage first(QDir(frames).filePath(plotFrameName(0)));
    QImage last(QDir(frames).filePath(plotFrameName(batches - 1)));
    QCOMPARE(first.size(), QSize(640, 360));
    QVERIFY(first != last); // the plot steps: "now" moves, events fill in
}

void TestStoryboard::gifIsTheFrames()
{
    QTemporaryDir dir;
    const SnapshotPtr snapshot = snapshotOf(QStringLiteral("word-count-update.json"));
    const QString gif = dir.filePath(QStringLiteral("plot.gif"));
    const auto written = writePlotGif(gif, snapshot, QSize(640, 360), 500);
    QVERIFY(written.ok());
    const int batches = ViewState::at(snapshot, 0).numBatches();
    QCOMPARE(*written, batches);
    QVERIFY(writePlotFrames(dir.filePath(QStringLiteral("png")), snapshot, QSize(640, 360)).ok());
    // Read back by Qt's own GIF reader: every batch a frame, each the PNG frame's picture
    // (colours past a frame's 256 most used go to the nearest: a few antialiased edge pixels).
    QImageReader reader(gif);
    QCOMPARE(reader.imageCount(), batches);
    for (int i = 0; i < batches; ++i) {
        const QImage frame = reader.read().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(reader.nextImageDelay(), i + 1 < batches ? 500 : 1500); // the last batch holds longer
        QCOMPARE(frame.size(), QSize(640, 360));
        const QImage png = QImage(QDir(dir.filePath(QStringLiteral("png"))).filePath(plotFrameName(i))).convertToFormat(QImage::Format_RGB32);
        int off = 0;
        for (int y = 0; y < frame.height(); ++y)
            for (int x = 0; x < frame.width(); ++x) {
                const QRgb a = frame.pixel(x, y), b = png.pixel(x, y);
                off += std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b)) > 60;
            }
        QVERIFY2(off < frame.width() * frame.height() / 200, qPrintable(QStringLiteral("frame %1: %2 pixels off").arg(i).arg(off)));
    }
}

void TestStoryboard::gifCodesEveryPixelExactly_data()
{
    QTest::addColumn<int>("numColours");
    QTest::addColumn<QSize>("size");
    // Noise fills the 4096-code table many times over (a clear code each time); a few colours
    // in a big picture make long runs (the widest codes); one pixel and one colour are the edges.
    QTest::newRow("noise of 256 colours") << 256 << QSize(300, 200);
    QTest::newRow("noise of 3 colours") << 3 << QSize(640, 360);
    QTest::newRow("one colour") << 1 << QSize(500, 400);
    QTest::newRow("one pixel") << 2 << QSize(1, 1);
}

void TestStoryboard::gifCodesEveryPixelExactly()
{
    QFETCH(int, numColours);
    QFETCH(QSize, size);
    QRandomGenerator random(7);
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x) {
            const int c = static_cast<int>(random.bounded(numColours));
            image.setPixel(x, y, qRgb(c, (c * 7) % 256, 255 - c));
        }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("noise.gif"));
    GifWriter gif(path);
    QVERIFY(gif.begin(size));
    QVERIFY(gif.addFrame(image, 100));
    QVERIFY(gif.addFrame(image.mirrored(true, false), 100));
    QVERIFY(gif.finish());
    QImageReader reader(path);
    QCOMPARE(reader.imageCount(), 2);
    QCOMPARE(reader.read().convertToFormat(QImage::Format_RGB32), image);
    QCOMPARE(reader.read().convertToFormat(QImage::Format_RGB32), image.mirrored(true, false));
}

void TestStoryboard::commandLine()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("ko.pdf"));
    Run r = runTidemark({QStringLiteral("storyboard"), kScenarios + "/word-count-update.json", QStringLiteral("-o"), pdf, QStringLiteral("--lang"),
                      QStringLiteral("ko"), QStringLiteral("--modes"), QStringLiteral("update,complete")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const int batches = ViewState::at(snapshotOf(QStringLiteral("word-count-update.json")), 0).numBatches();
    QCOMPARE(numPages(pdf), batches);
    QVERIFY(hasHangul(pageText(pdf, 1)));
    QVERIFY(r.out.contains(QString::number(batches)));

    const QString lessonPdf = dir.filePath(QStringLiteral("lesson.pdf"));
    r = runTidemark({QStringLiteral("storyboard"), QStringLiteral("--lesson"), QStringLiteral("output-modes"), QStringLiteral("-o"), lessonPdf,
                  QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(pageText(lessonPdf, 1).contains(QStringLiteral("Step 1.")));

    const QString frames = dir.filePath(QStringLiteral("frames"));
    r = runTidemark({QStringLiteral("frames"), kScenarios + "/word-count-update.json", QStringLiteral("-o"), frames});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QDir(frames).entryList({QStringLiteral("frame-*.png")}, QDir::Files).size(), batches);
    QCOMPARE(QImage(QDir(frames).filePath(plotFrameName(0))).size(), QSize(1280, 720));

    const QString gif = dir.filePath(QStringLiteral("plot.gif"));
    r = runTidemark({QStringLiteral("frames"), kScenarios + "/word-count-update.json", QStringLiteral("-o"), gif, QStringLiteral("--size"),
                     QStringLiteral("640x360"), QStringLiteral("--delay"), QStringLiteral("800")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QImageReader reader(gif);
    QCOMPARE(reader.imageCount(), batches);
    QCOMPARE(reader.size(), QSize(640, 360));
    QVERIFY(!reader.read().isNull());
    QCOMPARE(reader.nextImageDelay(), 800);

    r = runTidemark({QStringLiteral("help")});
    QVERIFY(r.out.contains(QStringLiteral("tidemark storyboard FILE -o OUT.pdf")));
    QVERIFY(r.out.contains(QStringLiteral("tidemark frames FILE -o DIR")));
}

void TestStoryboard::commandLineErrors()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("x.pdf"));
    const QString file = kScenarios + "/word-count-update.json";
    struct Case {
        QStringList args;
        int code;
        QString says;
    };
    const QList<Case> cases = {
        {{QStringLiteral("storyboard"), file}, 1, QStringLiteral("-o OUT.pdf")},
        {{QStringLiteral("storyboard"), QStringLiteral("-o"), pdf}, 1, QStringLiteral("needs a scenario FILE")},
        {{QStringLiteral("storyboard"), file, QStringLiteral("-o"), pdf, QStringLiteral("--modes"), QStringLiteral("update,upsert")}, 1, QStringLiteral("upsert")},
        {{QStringLiteral("storyboard"), file, QStringLiteral("-o"), pdf, QStringLiteral("--lang"), QStringLiteral("fr")}, 1, QStringLiteral("--lang")},
        {{QStringLiteral("storyboard"), file, QStringLiteral("-o"), pdf, QStringLiteral("--lesson"), QStringLiteral("output-modes")}, 1, QStringLiteral("no FILE")},
        {{QStringLiteral("storyboard"), kScenarios + "/missing.json", QStringLiteral("-o"), pdf}, 2, QStringLiteral("missing.json")},
        {{QStringLiteral("storyboard"), QStringLiteral("--lesson"), QStringLiteral("no-such-lesson"), QStringLiteral("-o"), pdf}, 2, QStringLiteral("no-such-lesson")},
        {{QStringLiteral("frames"), file, QStringLiteral("-o"), dir.filePath(QStringLiteral("f")), QStringLiteral("--size"), QStringLiteral("10x10")}, 1, QStringLiteral("--size")},
        {{QStringLiteral("frames"), file, QStringLiteral("-o"), dir.filePath(QStringLiteral("f.gif")), QStringLiteral("--delay"), QStringLiteral("5")}, 1, QStringLiteral("--delay")},
        {{QStringLiteral("frames"), file, QStringLiteral("-o"), QStringLiteral("/nonexistent-folder/x.gif")}, 2, QStringLiteral("/nonexistent-folder/x.gif")},
    };
    for (const Case& c : cases) {
        const Run r = runTidemark(c.args);
        QVERIFY2(r.code == c.code, qPrintable(c.args.join(QLatin1Char(' ')) + QStringLiteral(" → ") + QString::number(r.code) + r.err));
        QVERIFY2(r.err.contains(c.says), qPrintable(r.err));
    }
    QVERIFY(!QFileInfo::exists(pdf));
}

void TestStoryboard::exportMenu()
{
    MainWindow window;
    window.files()->setInteractive(false);
    QVERIFY(window.files()->openFile(kScenarios + "/word-count-update.json"));
    QTRY_VERIFY(window.isUpToDate());
    QMenu* exportMenu = nullptr;
    for (QAction* a : window.menuBar()->actions())
        if (a->menu())
            for (QAction* b : a->menu()->actions())
                if (b->menu() && b->text().contains(QStringLiteral("Export")))
                    exportMenu = b->menu();
    QVERIFY(exportMenu);
    QStringList texts;
    for (QAction* a : exportMenu->actions())
        texts << a->text().remove(QLatin1Char('&'));
    QVERIFY2(texts.contains(QStringLiteral("Storyboard (PDF)…")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(texts.contains(QStringLiteral("Plot frames…")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(texts.contains(QStringLiteral("Plot animation (GIF)…")), qPrintable(texts.join(QLatin1Char('|'))));
    window.resize(1024, 768);
    window.show();
    exportMenu->popup(window.mapToGlobal(QPoint(40, 40)));
    test::saveShot(*exportMenu, QStringLiteral("storyboard-export-menu"));
    exportMenu->hide();

    // What the menu writes: the window's scenario, its title as the header shows it.
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("menu.pdf"));
    QVERIFY(ExportActions::writeStoryboardOf(window, pdf).ok());
    QCOMPARE(numPages(pdf), window.view().numBatches());
    QVERIFY(pageText(pdf, 1).contains(window.shownTitle()));
    const auto frames = ExportActions::writePlotFramesOf(window, dir.filePath(QStringLiteral("frames")));
    QVERIFY(frames.ok());
    QCOMPARE(*frames, window.view().numBatches());
    const auto gifFrames = ExportActions::writePlotGifOf(window, dir.filePath(QStringLiteral("plot.gif")));
    QVERIFY(gifFrames.ok());
    QCOMPARE(QImageReader(dir.filePath(QStringLiteral("plot.gif"))).imageCount(), window.view().numBatches());

    // An edit still being computed: no handout of the run from before it.
    window.compute()->request(window.document()->scenario());
    window.compute()->cancel();
    const Status stale = ExportActions::writeStoryboardOf(window, dir.filePath(QStringLiteral("stale.pdf")));
    QVERIFY(!stale.ok());
    QVERIFY2(stale.error().describe().find("still being computed") != std::string::npos, stale.error().describe().c_str());
    QVERIFY(!ExportActions::writePlotGifOf(window, dir.filePath(QStringLiteral("stale.gif"))).ok());

    // With a lesson open, its steps print.
    QVERIFY(window.lessons()->open(QStringLiteral("output-modes")));
    QTRY_VERIFY(window.isUpToDate());
    const QString lessonPdf = dir.filePath(QStringLiteral("lesson.pdf"));
    QVERIFY(ExportActions::writeStoryboardOf(window, lessonPdf).ok());
    QVERIFY(pageText(lessonPdf, 1).contains(QStringLiteral("Step 1.")));
}

QTEST_MAIN(TestStoryboard)
#include "tst_storyboard.moc"
