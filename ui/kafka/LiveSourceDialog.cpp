// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/kafka/LiveSourceDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tidemark::ui {

LiveSourceDialog::LiveSourceDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Live input"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Kafka topic"));
    m_kind->addItem(tr("Socket (nc -lk 9999)"));
    m_kind->addItem(tr("Directory of JSON files"));
    top->addRow(tr("Read from"), m_kind);
    layout->addLayout(top);

    m_pages = new QStackedWidget(this);
    auto* kafka = new QLabel(tr("Connect in the Kafka panel: bootstrap servers, topic and startingOffsets."), m_pages);
    kafka->setWordWrap(true);
    m_pages->addWidget(kafka);

    auto* socket = new QWidget(m_pages);
    auto* socketForm = new QFormLayout(socket);
    m_host = new QLineEdit(QStringLiteral("localhost"), socket);
    m_port = new QSpinBox(socket);
    m_port->setRange(1, 65535);
    m_port->setValue(9999);
    m_includeTimestamp = new QCheckBox(QStringLiteral("includeTimestamp"), socket); // Spark's option name
    m_includeTimestamp->setToolTip(tr("Adds a timestamp column: when each line was received."));
    socketForm->addRow(QStringLiteral("host"), m_host);
    socketForm->addRow(QStringLiteral("port"), m_port);
    socketForm->addRow(QString(), m_includeTimestamp);
    auto* socketNote = new QLabel(tr("Start the server first (nc -lk 9999): Spark's socket source connects once and does not retry. "
                                     "Each line is a row with one column, value."),
                                  socket);
    socketNote->setWordWrap(true);
    socketForm->addRow(socketNote);
    m_pages->addWidget(socket);

    auto* directory = new QWidget(m_pages);
    auto* dirForm = new QFormLayout(directory);
    auto* pathRow = new QHBoxLayout;
    m_directory = new QLineEdit(directory);
    auto* browse = new QPushButton(tr("Browse…"), directory);
    pathRow->addWidget(m_directory, 1);
    pathRow->addWidget(browse);
    m_maxFiles = new QSpinBox(directory);
    m_maxFiles->setRange(0, 100000);
    m_maxFiles->setValue(1);
    m_maxFiles->setSpecialValueText(tr("no limit"));
    m_latestFirst = new QCheckBox(QStringLiteral("latestFirst"), directory);
    m_maxFileAge = new QLineEdit(QStringLiteral("7d"), directory);
    m_maxFileAge->setToolTip(tr("As Spark writes it: 7d, 12h, 30m, 10s. Counted from the newest file read, not from the clock."));
    dirForm->addRow(tr("Directory"), pathRow);
    dirForm->addRow(QStringLiteral("maxFilesPerTrigger"), m_maxFiles);
    dirForm->addRow(QString(), m_latestFirst);
    dirForm->addRow(QStringLiteral("maxFileAge"), m_maxFileAge);
    auto* dirNote = new QLabel(tr("Each new file is read once, oldest first; each line is a row of the source's schema. "
                                  "Write a file under a name starting with a dot, then rename it, so it is never read half-written."),
                               directory);
    dirNote->setWordWrap(true);
    dirForm->addRow(dirNote);
    m_pages->addWidget(directory);
    layout->addWidget(m_pages);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #a4262c; }"));
    m_problem->setVisible(false);
    layout->addWidget(m_problem);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &LiveSourceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LiveSourceDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_kind, &QComboBox::currentIndexChanged, m_problem, &QWidget::hide);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Directory the JSON files are dropped into"), m_directory->text());
        if (!dir.isEmpty())
            m_directory->setText(dir);
    });
}

LiveSourceDialog::Choice LiveSourceDialog::choice() const { return static_cast<Choice>(m_kind->currentIndex()); }

LiveInputSettings LiveSourceDialog::inputSettings() const
{
    LiveInputSettings s;
    s.kind = choice() == Choice::Directory ? LiveInputSettings::Kind::Directory : LiveInputSettings::Kind::Socket;
    s.socket.host = m_host->text().trimmed().toStdString();
    s.socket.port = m_port->value();
    s.socket.includeTimestamp = m_includeTimestamp->isChecked();
    s.directory.path = m_directory->text().trimmed().toStdString();
    if (m_maxFiles->value() > 0)
        s.directory.maxFilesPerTrigger = m_maxFiles->value();
    s.directory.latestFirst = m_latestFirst->isChecked();
    if (auto age = kafka::parseSparkTimeStringMs(m_maxFileAge->text().trimmed().toStdString()); age.ok())
        s.directory.maxFileAgeMs = age.value();
    return s;
}

void LiveSourceDialog::accept()
{
    QString problem;
    if (choice() == Choice::Socket && m_host->text().trimmed().isEmpty())
        problem = tr("Which host? The classroom's server runs on localhost.");
    if (choice() == Choice::Directory) {
        if (auto dir = kafka::checkDirectory(m_directory->text().trimmed().toStdString()); !dir.ok())
            problem = QString::fromStdString(dir.error().text()); // Spark's words
        else if (!kafka::parseSparkTimeStringMs(m_maxFileAge->text().trimmed().toStdString()).ok())
            problem = tr("maxFileAge: %1 is not a time Spark reads; write it as 7d, 12h, 30m or 10s.").arg(m_maxFileAge->text());
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

} // namespace tidemark::ui
