// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QtTest>

/// The expected lines of a transcribed Spark test, one per AddData step, written as one text.
inline QStringList lines(const QString& text) { return text.split('\n'); }

/// Compares per-step lines and prints both lists whole when they differ (QCOMPARE shows only
/// the first line that differs).
#define COMPARE_STEPS(got, expected)                                                                                               \
    do {                                                                                                                           \
        const QStringList got_ = (got);                                                                                            \
        const QStringList want_ = (expected);                                                                                      \
        QVERIFY2(got_ == want_, qPrintable(QStringLiteral("got:\n%1\nexpected:\n%2").arg(got_.join('\n'), want_.join('\n')))); \
    } while (false)
