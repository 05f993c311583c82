// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/export/GifWriter.h"

#include <QHash>

#include <algorithm>
#include <unordered_map>

namespace tidemark::ui {

namespace {

constexpr int kMinCodeSize = 8;
constexpr int kClear = 1 << kMinCodeSize; // 256
constexpr int kEnd = kClear + 1;          // 257
constexpr int kMaxCode = 4095;            // codes are at most 12 bits

/// Packs codes of varying width least significant bit first, as GIF reads them.
class BitWriter
{
public:
    void put(int code, int width)
    {
        m_bits |= static_cast<std::uint32_t>(code) << m_count;
        m_count += width;
        while (m_count >= 8) {
            m_out.append(static_cast<char>(m_bits & 0xFF));
            m_bits >>= 8;
            m_count -= 8;
        }
    }
    QByteArray finish()
    {
        if (m_count > 0)
            m_out.append(static_cast<char>(m_bits & 0xFF));
        m_bits = 0;
        m_count = 0;
        return m_out;
    }

private:
    QByteArray m_out;
    std::uint32_t m_bits = 0;
    int m_count = 0;
};

} // namespace

QByteArray gifLzw(const std::uint8_t* pixels, std::size_t count)
{
    BitWriter out;
    int codeSize = kMinCodeSize + 1;
    int next = kEnd + 1;
    // (prefix code << 8 | pixel) -> code
    std::unordered_map<std::uint32_t, int> table;
    out.put(kClear, codeSize);
    if (count == 0) {
        out.put(kEnd, codeSize);
        return out.finish();
    }
    int prefix = pixels[0];
    for (std::size_t i = 1; i < count; ++i) {
        const std::uint32_t key = static_cast<std::uint32_t>(prefix) << 8 | pixels[i];
        if (const auto found = table.find(key); found != table.end()) {
            prefix = found->second;
            continue;
        }
        out.put(prefix, codeSize);
        // The decoder adds this entry one code later and widens its codes when its table
        // reaches 2^size: widen as soon as the new code needs the next bit.
        const int added = next++;
        table.emplace(key, added);
        if (added >= (1 << codeSize) && codeSize < 12)
            ++codeSize;
        if (added >= kMaxCode) { // the table is full: start afresh
            out.put(kClear, codeSize);
            table.clear();
            codeSize = kMinCodeSize + 1;
            next = kEnd + 1;
        }
        prefix = pixels[i];
    }
    out.put(prefix, codeSize);
    out.put(kEnd, codeSize);
    return out.finish();
}

QList<QRgb> gifPalette(const QImage& image)
{
    QHash<QRgb, int> counts;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            ++counts[line[x] | 0xFF000000u];
    }
    std::vector<std::pair<int, QRgb>> byUse;
    byUse.reserve(static_cast<std::size_t>(counts.size()));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        byUse.emplace_back(it.value(), it.key());
    // Most used first; ties by colour, so the same image always gets the same palette.
    std::sort(byUse.begin(), byUse.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    QList<QRgb> palette;
    for (std::size_t i = 0; i < byUse.size() && i < 256; ++i)
        palette << byUse[i].second;
    return palette;
}

GifWriter::GifWriter(const QString& path)
    : m_file(path)
{
}

bool GifWriter::write(const QByteArray& bytes)
{
    m_ok = m_ok && m_file.write(bytes) == bytes.size();
    return m_ok;
}

void GifWriter::writeShort(QByteArray& out, int value) const
{
    out.append(static_cast<char>(value & 0xFF));
    out.append(static_cast<char>((value >> 8) & 0xFF));
}

bool GifWriter::begin(QSize size)
{
    m_size = size;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return m_ok = false;
    QByteArray head("GIF89a");
    writeShort(head, size.width());
    writeShort(head, size.height());
    head.append(static_cast<char>(0x70)); // no global palette (each frame has its own), 8-bit colour
    head.append('\0');                    // background colour index
    head.append('\0');                    // square pixels
    // Loop forever (the Netscape application extension every viewer honours).
    head.append("\x21\xFF\x0B" "NETSCAPE2.0" "\x03\x01", 16);
    writeShort(head, 0);
    head.append('\0');
    return write(head);
}

bool GifWriter::addFrame(const QImage& frame, int delayMs)
{
    const QImage image = frame.size() == m_size ? frame : frame.scaled(m_size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QList<QRgb> palette = gifPalette(image);
    // Colours past the 256th go to the nearest (Qt's conversion with a given table: nearest colour, no dithering).
    const QImage indexed = image.convertToFormat(QImage::Format_RGB32).convertToFormat(QImage::Format_Indexed8, palette, Qt::ThresholdDither);
    while (palette.size() < 256)
        palette << qRgb(0, 0, 0);

    QByteArray out;
    // Graphic control: keep the frame (disposal 1), the delay, no transparency.
    out.append("\x21\xF9\x04\x04", 4);
    writeShort(out, std::max(1, (delayMs + 5) / 10));
    out.append('\0');
    out.append('\0');
    // Image descriptor with a local palette of 256 entries.
    out.append('\x2C');
    writeShort(out, 0);
    writeShort(out, 0);
    writeShort(out, m_size.width());
    writeShort(out, m_size.height());
    out.append(static_cast<char>(0x87));
    for (QRgb c : palette) {
        out.append(static_cast<char>(qRed(c)));
        out.append(static_cast<char>(qGreen(c)));
        out.append(static_cast<char>(qBlue(c)));
    }
    std::vector<std::uint8_t> pixels;
    pixels.reserve(static_cast<std::size_t>(m_size.width()) * static_cast<std::size_t>(m_size.height()));
    for (int y = 0; y < indexed.height(); ++y) {
        const std::uint8_t* line = indexed.constScanLine(y);
        pixels.insert(pixels.end(), line, line + indexed.width());
    }
    out.append(static_cast<char>(kMinCodeSize));
    const QByteArray data = gifLzw(pixels.data(), pixels.size());
    for (qsizetype at = 0; at < data.size(); at += 255) {
        const qsizetype n = std::min<qsizetype>(255, data.size() - at);
        out.append(static_cast<char>(n));
        out.append(data.constData() + at, n);
    }
    out.append('\0');
    return write(out);
}

bool GifWriter::finish()
{
    write(QByteArray(1, '\x3B'));
    m_file.close();
    return m_ok;
}

} // namespace tidemark::ui
