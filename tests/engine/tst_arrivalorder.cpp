// SPDX-License-Identifier: GPL-3.0-or-later
// ArrivalOrder: a source's events by arrival time, ties in file order; copies share the list,
// and a change to one (a live session's appended or forgotten events) leaves the others alone.
#include "engine/exec/ArrivalOrder.h"

#include <QtTest/QtTest>

#include <vector>

using tidemark::ArrivalOrder;
using tidemark::Micros;
using tidemark::SourceEvent;

namespace {

std::vector<SourceEvent> arrivingAt(std::initializer_list<Micros> times)
{
    std::vector<SourceEvent> events;
    for (Micros t : times) {
        SourceEvent e;
        e.at = t;
        events.push_back(e);
    }
    return events;
}

std::vector<std::uint32_t> listOf(const ArrivalOrder& order) { return {order.begin(), order.end()}; }

} // namespace

class TstArrivalOrder : public QObject
{
    Q_OBJECT

private slots:
    void byArrivalThenFileOrder()
    {
        const ArrivalOrder order = ArrivalOrder::of(arrivingAt({30, 10, 20, 10, 5}));
        QCOMPARE(listOf(order), (std::vector<std::uint32_t>{4, 1, 3, 2, 0}));
        QCOMPARE(order.front(), 4u);
        QCOMPARE(order[2], 3u);
        QVERIFY(ArrivalOrder::of({}).empty());
        QVERIFY(ArrivalOrder().empty());
    }

    void aChangedCopyLeavesTheOthersAlone()
    {
        const ArrivalOrder original = ArrivalOrder::of(arrivingAt({1, 2, 3}));
        ArrivalOrder appended = original;
        appended.appendUpTo(5);
        QCOMPARE(listOf(appended), (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));
        QCOMPARE(listOf(original), (std::vector<std::uint32_t>{0, 1, 2}));

        ArrivalOrder forgotten = appended;
        forgotten.dropFirst(2);
        QCOMPARE(listOf(forgotten), (std::vector<std::uint32_t>{0, 1, 2}));
        QCOMPARE(listOf(appended), (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));

        // The only holder changes its own list in place: appending twice keeps what the first added.
        forgotten.appendUpTo(4);
        forgotten.appendUpTo(2); // nothing new
        QCOMPARE(listOf(forgotten), (std::vector<std::uint32_t>{0, 1, 2, 3}));
        ArrivalOrder empty;
        empty.appendUpTo(2);
        QCOMPARE(listOf(empty), (std::vector<std::uint32_t>{0, 1}));
    }
};

QTEST_APPLESS_MAIN(TstArrivalOrder)
#include "tst_arrivalorder.moc"
