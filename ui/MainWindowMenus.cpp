// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's menus, toolbar and exports. (Kept apart from the composition and the view
// updates so each file stays short.)
#include "ui/MainWindow.h"

#include "ui/classroom/ClassMode.h"
#include "ui/document/ScenarioDocument.h"
#include "ui/export/ExportActions.h"
#include "ui/files/CsvExport.h"
#include "ui/files/FileController.h"
#include "ui/files/PySparkExportFile.h"
#include "ui/files/PySparkImporter.h"
#include "ui/files/RecentFiles.h"
#include "ui/i18n/Language.h"
#include "ui/kafka/KafkaPanel.h"
#include "ui/kafka/LiveController.h"
#include "ui/kafka/LiveSourceDialog.h"
#include "ui/lessons/LessonController.h"
#include "ui/lessons/LessonLibrary.h"
#include "ui/lessons/UiLanguage.h"
#include "ui/models/RowTableModel.h"
#include "ui/pages/BatchControls.h"
#include "ui/pages/BatchCursor.h"
#include "ui/pages/EventsPanel.h"
#include "ui/pages/ModeColumnsPage.h"
#include "ui/pages/OutputModeColumn.h"
#include "ui/pages/StatePanel.h"
#include "ui/plot/EventTimePlot.h"

#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace tidemark::ui {

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open…"), QKeySequence::Open, m_files,
                                    qOverload<>(&FileController::open));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QMenu* examples = file->addMenu(tr("&Examples"));
    for (const QString& path : FileController::examples()) {
        auto sc = ScenarioDocument::load(path);
        const QString name = QFileInfo(path).completeBaseName();
        const QString label = sc.ok() && !sc->title.empty() ? QString::fromStdString(sc->title) : name;
        examples->addAction(label, this, [this, path] { m_files->openPath(path); })->setToolTip(name);
    }
    // One importer for the window's life: the menus are rebuilt on a language change.
    auto* importer = findChild<PySparkImporter*>(QStringLiteral("pysparkImporter"), Qt::FindDirectChildrenOnly);
    if (!importer)
        importer = new PySparkImporter(m_document, m_files, this);
    file->addAction(tr("&Import PySpark…"), importer, &PySparkImporter::importFile)
        ->setToolTip(tr("Read a notebook's streaming query (.ipynb, .py or a text export) and its data files into a new scenario"));
    QAction* live = file->addAction(style()->standardIcon(QStyle::SP_DriveNetIcon), tr("&Live Kafka…"), QKeySequence(Qt::CTRL | Qt::Key_K),
                                    this, &MainWindow::showKafkaPanel);
    live->setToolTip(tr("Read a Kafka topic into this scenario's query: connect, watch the batches run, save the session"));
    file->addAction(tr("Live &Input…"), this, [this] {
            LiveSourceDialog dialog(this);
            if (dialog.exec() != QDialog::Accepted)
                return;
            if (dialog.choice() != LiveSourceDialog::Choice::Kafka)
                m_live->startInput(dialog.inputSettings());
            else if (!m_live->bridge()->isRunning())
                m_kafkaPanel->showInput({});
            showKafkaPanel(); // the status, counters and malformed lines of any live source
        })
        ->setToolTip(tr("Read a Kafka topic, a socket (nc -lk 9999) or a directory of JSON files into this scenario's query"));
    file->addSeparator();
    // While live, saving means saving the session (the document is only its latest picture).
    QAction* save = file->addAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save"), QKeySequence::Save, this, [this] {
        if (m_live->isLive())
            saveLiveSessionAs();
        else
            m_files->save();
    });
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, [this] {
        if (m_live->isLive())
            saveLiveSessionAs();
        else
            m_files->saveAs();
    });
    m_saveLiveAction = file->addAction(tr("Save &live session as…"), this, &MainWindow::saveLiveSessionAs);
    m_saveLiveAction->setEnabled(false);
    m_saveLiveAction->setToolTip(tr("Write what has arrived so far as a scenario file; `tidemark run FILE` replays it batch for batch"));
    QMenu* exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("Plot as &PNG…"), this, [this] { exportPlot(false); });
    exportMenu->addAction(tr("Plot as P&DF…"), this, [this] { exportPlot(true); });
    exportMenu->addAction(tr("&Storyboard (PDF)…"), this, [this] { ExportActions::askStoryboard(*this); })
        ->setToolTip(tr("A handout: one page per batch with the plot, the watermarks, the events' fates, each mode's rows and the state"));
    exportMenu->addAction(tr("Plot &frames…"), this, [this] { ExportActions::askPlotFrames(*this); })
        ->setToolTip(tr("The plot at each batch as numbered PNG files, for slides"));
    exportMenu->addAction(tr("Plot &animation (GIF)…"), this, [this] { ExportActions::askPlotGif(*this); })
        ->setToolTip(tr("The plot stepping through the batches as a looping GIF, for slides"));
    exportMenu->addSeparator();
    for (OutputMode m : {OutputMode::Append, OutputMode::Update, OutputMode::Complete}) {
        const QString name = QString::fromLatin1(outputModeName(m));
        exportMenu->addAction(tr("%1 result table as CSV…").arg(name), this,
                              [this, m, name] { exportTable(m_columns->column(m)->resultView(), name + QStringLiteral("-result")); });
    }
    exportMenu->addAction(tr("State as CSV…"), this, [this] { exportTable(m_state->view(), QStringLiteral("state")); });
    exportMenu->addAction(tr("Events as CSV…"), this, [this] { exportTable(m_events->view(), QStringLiteral("events")); });
    exportMenu->addSeparator();
    QAction* exportPySpark = exportMenu->addAction(tr("PySpark &notebook…"), this, [this] {
        exportPySparkInteractively(this, *m_document, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    });
    exportPySpark->setObjectName(QStringLiteral("exportPySparkAction"));
    exportPySpark->setToolTip(tr("A notebook (or script) that runs these batches on real Spark and says, batch by batch, whether Spark agrees"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    QAction* redo = m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    // Ctrl+Shift+Z and Ctrl+Y, each once: the platform's Redo binding already holds one of
    // them, and a key bound twice is an "ambiguous shortcut" that does nothing.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& k : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
        if (!redoKeys.contains(k))
            redoKeys << k;
    redo->setShortcuts(redoKeys);
    redo->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* batch = menuBar()->addMenu(tr("&Batch"));
    const auto batchAction = [&](const QString& text, QList<QKeySequence> keys, auto slot) {
        QAction* a = batch->addAction(text, m_cursor, slot);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WindowShortcut);
        return a;
    };
    batchAction(tr("&Previous batch"), {Qt::Key_Left, Qt::Key_PageUp}, &BatchCursor::stepBack);
    // In class mode the first press reveals the batch being predicted, the next one steps on.
    batchAction(tr("&Next batch"), {Qt::Key_Right, Qt::Key_PageDown}, [this] { m_class->isPredicting() ? m_class->reveal() : m_cursor->stepForward(); });
    batchAction(tr("&First batch"), {Qt::Key_Home}, &BatchCursor::toFirst);
    batchAction(tr("&Last batch"), {Qt::Key_End}, &BatchCursor::toLast);
    m_playAction = batchAction(tr("Play / &pause"), {Qt::Key_Space}, &BatchCursor::togglePlaying);
    batch->addAction(m_revealAction);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* reset = viewMenu->addAction(tr("&Reset plot view"), QKeySequence(Qt::CTRL | Qt::Key_0), m_plot, &EventTimePlot::resetView);
    reset->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_presentationAction = viewMenu->addAction(tr("&Presentation mode"), QKeySequence(Qt::Key_F5), this, [this](bool on) { setPresentation(on); });
    m_presentationAction->setCheckable(true);
    m_presentationAction->setIcon(style()->standardIcon(QStyle::SP_DesktopIcon));
    m_highContrastAction = viewMenu->addAction(tr("&High contrast"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), this, [this](bool on) {
        setHighContrast(on);
        QSettings().setValue(QStringLiteral("view/highContrast"), on);
    });
    m_highContrastAction->setCheckable(true);
    m_highContrastAction->setToolTip(tr("Stronger colours, thicker lines and black text on white, for projectors"));
    viewMenu->addAction(m_classAction);
    buildLanguageMenu(viewMenu);
    viewMenu->addSeparator();
    for (QDockWidget* d : {m_eventsDock, m_queryDock, m_kafkaDock, m_stateDock, m_logDock, m_checkpointDock})
        viewMenu->addAction(d->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    // Rebuilt on each showing, so the titles follow the window's language.
    QMenu* lessons = help->addMenu(tr("&Lessons"));
    lessons->setObjectName(QStringLiteral("lessonsMenu"));
    const auto fillLessons = [this, lessons] {
        lessons->clear();
        for (const QString& id : LessonLibrary::builtInIds()) {
            auto lesson = LessonLibrary::load(id);
            const QString title = lesson.ok() ? QString::fromStdString(lesson->title.in(uiLanguage().toStdString())) : id;
            QAction* a = lessons->addAction(title, this, [this, id] {
                m_files->maybeSave([this, id] {
                    if (!m_lessons->open(id))
                        showMessage(tr("Cannot open the lesson %1: %2").arg(id, m_lessons->lastError()), 10000);
                });
            });
            a->setData(id);
            if (lesson.ok())
                a->setToolTip(QString::fromStdString(lesson->summary.in(uiLanguage().toStdString())));
        }
    };
    fillLessons();
    connect(lessons, &QMenu::aboutToShow, this, fillLessons);
    help->addAction(tr("&About Tidemark"), this, [this] {
        auto* box = new QMessageBox(QMessageBox::Information, tr("About Tidemark"),
                                    QStringLiteral("Tidemark %1\n\n").arg(QCoreApplication::applicationVersion()) // a name and a number: nothing to translate
                                        + tr("Tidemark simulates Spark Structured Streaming's event time: watermarks, late rows, "
                                       "windows and output modes, batch by batch.\n\nClick empty space in the plot to add an "
                                       "event, drag a dot to move it, click anything to ask why."),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    auto* bar = m_toolBar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->addAction(open);
    bar->addAction(save);
    auto* examplesButton = new QToolButton(bar);
    examplesButton->setText(tr("Examples"));
    examplesButton->setMenu(examples);
    examplesButton->setPopupMode(QToolButton::InstantPopup);
    bar->addWidget(examplesButton);
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addAction(live);
    bar->addSeparator();
    bar->addAction(reset);
    bar->addAction(m_presentationAction);
    bar->addAction(m_classAction);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    open->setIconText(tr("Open"));
    save->setIconText(tr("Save"));
    undo->setIconText(tr("Undo"));
    redo->setIconText(tr("Redo"));
    live->setIconText(tr("Live Kafka"));
    reset->setIconText(tr("Reset view"));
    m_presentationAction->setIconText(tr("Present"));
    rebuildRecentMenu();
}

void MainWindow::buildLanguageMenu(QMenu* view)
{
    QMenu* menu = view->addMenu(tr("&Language"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(menu);
    // Each language by its own name: whoever cannot read the current one still finds theirs.
    for (const auto& [language, name] : {std::pair{Language::English, QStringLiteral("English")}, std::pair{Language::Korean, QStringLiteral("한국어")}}) {
        QAction* a = menu->addAction(name);
        a->setObjectName(QStringLiteral("language_") + languageCode(language));
        a->setCheckable(true);
        a->setChecked(currentLanguage() == language);
        group->addAction(a);
        // Queued: the switch rebuilds this very menu.
        connect(a, &QAction::triggered, this, [language = language] { // clang 14 cannot capture a structured binding
            QMetaObject::invokeMethod(qApp, [language] { setLanguage(language, true); }, Qt::QueuedConnection);
        });
    }
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = RecentFiles::list();
    for (const QString& f : files)
        m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] { m_files->openPath(f); })->setToolTip(f);
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::showKafkaPanel()
{
    const bool wasVisible = m_kafkaDock->isVisible();
    m_kafkaDock->show();
    m_kafkaDock->raise();
    // Room for the counters and the malformed list; the state below keeps the rest.
    if (!wasVisible && m_stateDock->isVisible() && !m_kafkaDock->isFloating())
        resizeDocks({m_kafkaDock, m_stateDock}, {600, std::max(240, height() - 600 - 200)}, Qt::Vertical);
    m_kafkaPanel->bootstrapEdit()->setFocus();
}

void MainWindow::saveLiveSessionAs()
{
    if (!m_live->isLive())
        return;
    const QString topic = QString::fromStdString(m_live->settings().topic);
    auto* dialog = new QFileDialog(this, tr("Save live session"), QDir::home().filePath(tr("%1-session.json").arg(topic)),
                                   tr("Scenarios (*.json)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        if (m_live->saveSessionTo(path))
            statusBar()->showMessage(tr("Saved the live session so far to %1; `tidemark run` replays it.").arg(path), 8000);
        else
            statusBar()->showMessage(tr("Could not save the live session: %1").arg(m_live->lastError()), 10000);
    });
    dialog->open();
}

void MainWindow::exportPlot(bool pdf)
{
    auto* dialog = new QFileDialog(this, pdf ? tr("Export plot as PDF") : tr("Export plot as PNG"), QString(),
                                   pdf ? tr("PDF (*.pdf)") : tr("PNG image (*.png)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(pdf ? QStringLiteral("pdf") : QStringLiteral("png"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, pdf](const QString& path) {
        const bool ok = pdf ? m_plot->savePdf(path) : m_plot->savePng(path);
        statusBar()->showMessage(ok ? tr("Saved %1").arg(path) : tr("Could not write %1").arg(path), 6000);
    });
    dialog->open();
}

void MainWindow::exportTable(QTableView* table, const QString& name)
{
    // The second filter writes a byte order mark, without which Excel garbles Korean.
    const QString plain = tr("CSV (*.csv)");
    const QString excel = tr("CSV for Excel, UTF-8 with BOM (*.csv)");
    auto* dialog = new QFileDialog(this, tr("Export table as CSV"), name + QStringLiteral(".csv"), plain + QStringLiteral(";;") + excel);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    QPointer<QTableView> view(table);
    connect(dialog, &QFileDialog::fileSelected, this, [this, view, dialog, excel](const QString& path) {
        if (!view)
            return;
        CsvOptions options;
        options.excelBom = dialog->selectedNameFilter() == excel;
        const Status s = writeCsv(path, *view->model(), options);
        statusBar()->showMessage(s.ok() ? tr("Saved %1").arg(path) : QString::fromStdString(s.error().describe()), 6000);
    });
    dialog->open();
}

} // namespace tidemark::ui
