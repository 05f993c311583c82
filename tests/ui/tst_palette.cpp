// SPDX-License-Identifier: GPL-3.0-or-later
// Every pair of colours the plot and the tables tell apart stays apart for the three
// colour-vision deficiencies, in the normal and the high-contrast theme.
//
// Method: sRGB -> linear RGB -> Machado, Oliveira & Fernandes (2009) simulation matrix at
// severity 1.0 -> clamp -> XYZ (D65) -> CIELab; distance is CIE76 ΔE (Euclidean in Lab).
// Thresholds:
//   kSeparateByColour = 20  for the pairs that must differ by colour or lightness, not only by shape:
//                           duplicate / filtered / not-yet-read, and window emitted / evicted;
//   kShapeAlsoDiffers = 10  for every other pair (their marks or line styles differ as well).
#include "ui/Palette.h"

#include <QTest>

#include <array>
#include <cmath>
#include <utility>
#include <vector>

using namespace tidemark;
using namespace tidemark::ui;

namespace {

constexpr double kSeparateByColour = 20.0;
constexpr double kShapeAlsoDiffers = 10.0;

using Matrix = std::array<std::array<double, 3>, 3>;

struct Vision {
    const char* name;
    Matrix m;
};

// Machado et al. 2009, severity 1.0, applied to linear RGB.
const std::array<Vision, 4> kVisions = {{
    {"normal", {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}},
    {"protanopia", {{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}}},
    {"deuteranopia", {{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}}},
    {"tritanopia", {{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}}},
}};

double toLinear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

std::array<double, 3> lab(const QColor& colour, const Matrix& m)
{
    const std::array<double, 3> rgb = {toLinear(colour.redF()), toLinear(colour.greenF()), toLinear(colour.blueF())};
    std::array<double, 3> s{};
    for (int i = 0; i < 3; ++i)
        s[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
    const double x = (0.4124564 * s[0] + 0.3575761 * s[1] + 0.1804375 * s[2]) / 0.95047;
    const double y = 0.2126729 * s[0] + 0.7151522 * s[1] + 0.0721750 * s[2];
    const double z = (0.0193339 * s[0] + 0.1191920 * s[1] + 0.9503041 * s[2]) / 1.08883;
    const auto f = [](double t) { return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0; };
    return {116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))};
}

double deltaE76(const QColor& a, const QColor& b, const Matrix& m)
{
    const auto p = lab(a, m);
    const auto q = lab(b, m);
    return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

struct Named {
    QString name;
    QColor colour;
};

// One group: colours shown side by side that a reader must tell apart.
std::vector<std::vector<Named>> groups()
{
    std::vector<Named> fates;
    for (Fate f : palette::kFates)
        fates.push_back({palette::fateLabel(f), palette::fateColor(f)});
    fates.push_back({QStringLiteral("not yet read"), palette::pendingColor()});
    const std::vector<Named> windows = {{QStringLiteral("window open"), palette::windowOpenColor()},
                                        {QStringLiteral("window emitted"), palette::windowEmittedColor()},
                                        {QStringLiteral("window evicted"), palette::windowEvictedColor()}};
    const std::vector<Named> lines = {{QStringLiteral("max event time"), palette::maxEventTimeColor()},
                                      {QStringLiteral("watermark"), palette::watermarkColor()},
                                      {QStringLiteral("now"), palette::nowColor()},
                                      {QStringLiteral("data batch"), palette::dataBatchColor()},
                                      {QStringLiteral("no-data batch"), palette::noDataBatchColor()},
                                      {QStringLiteral("skipped trigger"), palette::skippedTickColor()}};
    return {fates, windows, lines};
}

bool mustDifferByColour(const QString& a, const QString& b)
{
    const QString dup = palette::fateLabel(Fate::Duplicate), filtered = palette::fateLabel(Fate::Filtered);
    const QString pending = QStringLiteral("not yet read");
    const auto is = [&](const QString& x, const QString& y) { return (a == x && b == y) || (a == y && b == x); };
    return is(dup, filtered) || is(dup, pending) || is(filtered, pending) || is(QStringLiteral("window emitted"), QStringLiteral("window evicted"));
}

} // namespace

class TestPalette : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { palette::setHighContrast(false); }

    void pairsStayApart_data()
    {
        QTest::addColumn<bool>("highContrast");
        QTest::newRow("normal theme") << false;
        QTest::newRow("high-contrast theme") << true;
    }

    void pairsStayApart()
    {
        QFETCH(bool, highContrast);
        palette::setHighContrast(highContrast);
        QStringList failures;
        int named = 0;
        for (const auto& group : groups())
            for (std::size_t i = 0; i < group.size(); ++i)
                for (std::size_t j = i + 1; j < group.size(); ++j) {
                    const bool strict = mustDifferByColour(group[i].name, group[j].name);
                    named += strict ? 1 : 0;
                    const double threshold = strict ? kSeparateByColour : kShapeAlsoDiffers;
                    for (const Vision& v : kVisions) {
                        const double d = deltaE76(group[i].colour, group[j].colour, v.m);
                        if (d < threshold)
                            failures << QStringLiteral("%1 vs %2 under %3: ΔE %4 < %5")
                                            .arg(group[i].name, group[j].name, QString::fromLatin1(v.name))
                                            .arg(d, 0, 'f', 1)
                                            .arg(threshold);
                    }
                }
        QCOMPARE(named, 4); // the four pairs the strict threshold is for were all found
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    // The measure itself: reproduces the separations the old palette was criticised for, so a
    // broken simulation cannot let every pair pass.
    void measureMatchesKnownValues()
    {
        const Matrix& deut = kVisions[2].m;
        QVERIFY(std::abs(deltaE76(QColor(0xCC, 0x79, 0xA7), QColor(0x8C, 0x8C, 0x8C), deut) - 8.5) < 0.3);
        QVERIFY(std::abs(deltaE76(QColor(0x8C, 0x8C, 0x8C), QColor(0x9A, 0x9A, 0x9A), deut) - 5.4) < 0.3);
        QVERIFY(std::abs(deltaE76(QColor(0x00, 0x9E, 0x73), QColor(0xA8, 0xA8, 0xA8), deut) - 16.0) < 0.3);
        QVERIFY(std::abs(deltaE76(Qt::black, Qt::white, kVisions[0].m) - 100.0) < 0.01);
    }

    void themesDiffer()
    {
        const QColor normal = palette::fateColor(Fate::Filtered);
        palette::setHighContrast(true);
        QVERIFY(palette::fateColor(Fate::Filtered) != normal);
        QVERIFY(palette::strokeScale() > 1.0);
    }
};

QTEST_GUILESS_MAIN(TestPalette)
#include "tst_palette.moc"
