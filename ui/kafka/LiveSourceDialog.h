// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/kafka/LiveInputSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace tidemark::ui {

/// The Live dialog: which live source the open scenario's query reads, as the course's notebooks
/// read them: a Kafka topic (connected in the Kafka panel), a socket (`nc -lk 9999`, Spark's
/// `host`, `port`, `includeTimestamp`) or a directory of JSON files (`maxFilesPerTrigger`,
/// `latestFirst`, `maxFileAge`). Only gathers the choice; LiveController runs it.
class LiveSourceDialog : public QDialog {
    Q_OBJECT
public:
    enum class Choice { Kafka, Socket, Directory };

    explicit LiveSourceDialog(QWidget* parent = nullptr);

    Choice choice() const;
    /// The socket or directory settings (choice() other than Kafka).
    LiveInputSettings inputSettings() const;

    // For tests.
    QComboBox* kindBox() const { return m_kind; }
    QLineEdit* hostEdit() const { return m_host; }
    QSpinBox* portBox() const { return m_port; }
    QCheckBox* includeTimestampBox() const { return m_includeTimestamp; }
    QLineEdit* directoryEdit() const { return m_directory; }
    QSpinBox* maxFilesBox() const { return m_maxFiles; }
    QCheckBox* latestFirstBox() const { return m_latestFirst; }
    QLineEdit* maxFileAgeEdit() const { return m_maxFileAge; }
    QLabel* problemLabel() const { return m_problem; }

public slots:
    void accept() override;

private:
    QComboBox* m_kind = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QCheckBox* m_includeTimestamp = nullptr;
    QLineEdit* m_directory = nullptr;
    QSpinBox* m_maxFiles = nullptr;
    QCheckBox* m_latestFirst = nullptr;
    QLineEdit* m_maxFileAge = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace tidemark::ui
