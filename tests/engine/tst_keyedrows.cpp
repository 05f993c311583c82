// SPDX-License-Identifier: GPL-3.0-or-later
// KeyedRows, the fold the result and state tables are read from: each put replaces the row of
// its key, found by the row in place; the rows come out as a map keyed by copied keys would
// give them, for grouping keys, whole rows and a global aggregation's empty key.
#include "engine/exec/KeyedRows.h"

#include <QtTest/QtTest>

#include <map>
#include <random>

using namespace tidemark;

namespace {

Row row(std::int64_t window, const std::string& word, std::int64_t count) { return {Value(window), Value(word), Value(count)}; }

/// What KeyedRows replaces: a std::map from the copied key to the last row put with it.
std::vector<Row> reference(const std::vector<std::pair<bool, Row>>& ops, std::size_t width)
{
    std::map<Row, Row> m;
    for (const auto& [put, r] : ops) {
        const Row key(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(std::min(width, r.size())));
        if (put)
            m[key] = r;
        else
            m.erase(key);
    }
    std::vector<Row> out;
    for (const auto& [k, v] : m)
        out.push_back(v);
    return out;
}

} // namespace

class TstKeyedRows : public QObject
{
    Q_OBJECT

private slots:
    void aPutReplacesTheRowOfItsKey()
    {
        KeyedRows t(2); // (window, word) -> count
        t.put(row(0, "dog", 1));
        t.put(row(0, "cat", 1));
        t.put(row(0, "dog", 2));
        t.put(row(10, "dog", 1));
        QCOMPARE(t.size(), std::size_t{3});
        const std::vector<Row> rows = t.sorted(0);
        QCOMPARE(rows.size(), std::size_t{3});
        QVERIFY(std::find(rows.begin(), rows.end(), row(0, "dog", 2)) != rows.end());
        QVERIFY(std::find(rows.begin(), rows.end(), row(0, "dog", 1)) == rows.end());
        t.erase(row(0, "dog", 99)); // by key: the count does not matter
        QCOMPARE(t.size(), std::size_t{2});
        t.erase(row(5, "emu", 1)); // not there
        QCOMPARE(t.size(), std::size_t{2});
    }

    void aGlobalAggregationHasOneRow()
    {
        KeyedRows t(0); // no grouping columns: one group
        t.put({Value(std::int64_t{1})});
        t.put({Value(std::int64_t{2})});
        QCOMPARE(t.size(), std::size_t{1});
        QCOMPARE(t.sorted(-1).front(), Row{Value(std::int64_t{2})});
    }

    void wholeRowsAreTheirOwnKeys()
    {
        KeyedRows t(kWholeRow); // a deduplication's state
        t.put(row(0, "dog", 1));
        t.put(row(0, "dog", 1));
        t.put(row(0, "dog", 2));
        QCOMPARE(t.size(), std::size_t{2});
    }

    /// Random puts and erases over a few keys give the rows a map of copied keys gives.
    void sameAsAMapOfCopiedKeys()
    {
        std::mt19937 rng(7);
        const char* words[] = {"dog", "owl", "cat", "", "fox"};
        for (std::size_t width : {std::size_t{0}, std::size_t{1}, std::size_t{2}, kWholeRow}) {
            std::vector<std::pair<bool, Row>> ops;
            KeyedRows t(width);
            for (int i = 0; i < 2000; ++i) {
                const Row r = row(static_cast<std::int64_t>(rng() % 4) * 10, words[rng() % 5], static_cast<std::int64_t>(rng() % 3));
                const bool put = rng() % 4 != 0;
                ops.emplace_back(put, r);
                if (put)
                    t.put(r);
                else
                    t.erase(r);
            }
            std::vector<Row> want = reference(ops, width);
            std::vector<Row> got = t.sorted(-1);
            std::sort(want.begin(), want.end());
            std::sort(got.begin(), got.end());
            QCOMPARE(got, want);
        }
    }
};

QTEST_APPLESS_MAIN(TstKeyedRows)
#include "tst_keyedrows.moc"
