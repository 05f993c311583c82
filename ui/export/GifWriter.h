// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QImage>
#include <QString>

#include <cstdint>
#include <vector>

namespace tidemark::ui {

/// Writes an animated GIF (GIF89a, looping), frame by frame, so a long run never holds all
/// its frames. Qt reads GIFs but does not write them; this is the format's plain encoder:
/// each frame gets its own palette of its 256 most used colours (a plot has few: its marks,
/// lines and their antialiased edges), other colours go to the nearest, and is LZW-coded.
class GifWriter
{
public:
    explicit GifWriter(const QString& path);

    /// Opens the file and writes the header for frames of `size`, looping forever.
    bool begin(QSize size);
    /// Appends `frame` (scaled to the size if it differs), shown for `delayMs` milliseconds
    /// (GIF counts in hundredths of a second).
    bool addFrame(const QImage& frame, int delayMs);
    /// Writes the trailer and closes the file.
    bool finish();
    QString errorString() const { return m_file.errorString(); }

private:
    bool write(const QByteArray& bytes);
    void writeShort(QByteArray& out, int value) const;

    QFile m_file;
    QSize m_size;
    bool m_ok = true;
};

/// The palette a GIF frame gets: its most used colours, at most 256 (exact when it has fewer).
QList<QRgb> gifPalette(const QImage& image);

/// GIF's variable-width LZW code of 8-bit pixels (the image data of a frame, before it is cut
/// into sub-blocks), with a minimum code size of 8.
QByteArray gifLzw(const std::uint8_t* pixels, std::size_t count);

} // namespace tidemark::ui
