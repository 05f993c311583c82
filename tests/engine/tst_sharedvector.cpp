// SPDX-License-Identifier: GPL-3.0-or-later
// SharedVector: reads like a const std::vector, and a prefix taken from another shares its
// elements (a continued run's reused batches are the earlier run's records, not copies).
#include "engine/core/SharedVector.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <string>

using tidemark::SharedVector;

class TstSharedVector : public QObject
{
    Q_OBJECT

private slots:
    void readsLikeAVector()
    {
        SharedVector<std::string> v;
        QVERIFY(v.empty());
        for (const char* s : {"a", "c", "e", "g"})
            v.push_back(s);
        QCOMPARE(v.size(), std::size_t{4});
        QCOMPARE(v.front(), std::string("a"));
        QCOMPARE(v.back(), std::string("g"));
        QCOMPARE(v[2], std::string("e"));
        QCOMPARE(v.end() - v.begin(), std::ptrdiff_t{4});
        // Random access: the standard algorithms the run views use (binary search by trigger time).
        const auto at = std::lower_bound(v.begin(), v.end(), std::string("d"));
        QCOMPARE(at - v.begin(), std::ptrdiff_t{2});
        QCOMPARE(*at, std::string("e"));
        QCOMPARE(at[1], std::string("g"));
        QCOMPARE(at->size(), std::size_t{1});
        QCOMPARE(std::count_if(v.begin(), v.end(), [](const std::string& s) { return s > "b"; }), std::ptrdiff_t{3});
    }

    void sharePrefixSharesAndLeavesTheOriginalAlone()
    {
        SharedVector<std::string> base;
        for (const char* s : {"x", "y", "z"})
            base.push_back(s);
        SharedVector<std::string> continued;
        continued.push_back("stale");
        continued.sharePrefix(base, 2);
        QCOMPARE(continued.size(), std::size_t{2});
        QVERIFY(&continued[0] == &base[0]);
        QVERIFY(&continued[1] == &base[1]);
        continued.push_back("w");
        QCOMPARE(continued[2], std::string("w"));
        QCOMPARE(base.size(), std::size_t{3});
        QCOMPARE(base[2], std::string("z"));
        // The shared elements outlive the vector they came from.
        base.clear();
        QCOMPARE(continued[0], std::string("x"));
        // A prefix longer than the source takes all of it.
        SharedVector<std::string> all;
        all.sharePrefix(continued, 10);
        QCOMPARE(all.size(), std::size_t{3});
    }
};

QTEST_APPLESS_MAIN(TstSharedVector)
#include "tst_sharedvector.moc"
