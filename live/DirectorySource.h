// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/LiveClock.h"
#include "live/LiveInput.h"
#include "live/MessageParser.h"
#include "engine/core/Error.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tidemark::kafka {

/// The largest file a directory source reads (64 MiB); a larger one is reported as refused and
/// skipped (counted as read, so it is not offered again), so one file cannot fill the memory.
inline constexpr std::uintmax_t kMaxDirectoryFileBytes = 64ull << 20;

/// Spark's file source options (FileStreamOptions) for `readStream.schema(s).json(path)`.
struct DirectorySourceConfig {
    std::string path;
    std::optional<std::int64_t> maxFilesPerTrigger; ///< unset: every new file in one batch
    bool latestFirst = false;
    std::int64_t maxFileAgeMs = 7LL * 24 * 3600 * 1000; ///< "7d", relative to the newest file read
    std::size_t malformedKept = 1000;
    std::size_t faultsKept = 1000;
};

/// Spark's Utils.timeStringAsMs: "7d", "12h", "30m" / "30min", "10s", "500ms", "100us"; a bare
/// number is milliseconds.
Result<std::int64_t> parseSparkTimeStringMs(std::string_view text);

/// Spark's `path does not exist` check when a file stream starts: an error, or nothing.
Status checkDirectory(const std::string& path);

/// A directory of JSON-lines files read as Spark's FileStreamSource reads it:
///
/// - each trigger lists the directory's files, leaving out hidden ones (names starting with
///   '.' or '_', as InMemoryFileIndex does, so `cp f .f.tmp && mv .f.tmp f` is safe), sorted by
///   modification time (newest first with latestFirst), and takes the new ones: a path already
///   read is never read again (SeenFilesMap), and files present when the query starts are read
///   like any other, as for a new query;
/// - a file older than maxFileAge before the newest file read is not new (SeenFilesMap.purge);
///   maxFileAge is ignored with latestFirst and maxFilesPerTrigger together, as Spark does.
///   Such a file is named once as a fault, not dropped silently;
/// - maxFilesPerTrigger N: a batch reads at most N files. The next files are handed over once
///   a batch has read the last ones, so a recording replays to the same batches; their
///   arrival time is when they were handed over;
/// - each non-blank line is a row read by Spark's JSON reader in PERMISSIVE mode (MessageParser:
///   a line that is not a JSON object gives a row of nulls, a field of the wrong type is null);
///   a line holding a JSON array gives a row per object in it; blank lines give no row;
/// - a file listed but deleted before it was read is a fault (InputClosed): Spark (with
///   spark.sql.files.ignoreMissingFiles false) would fail the batch with a FileNotFoundException.
///
/// Arrival time is when a file is handed over; all its rows arrive together. Only the
/// directory's own files are read (no subdirectories). Single-threaded, no Qt.
class DirectorySource : public LiveInput {
public:
    DirectorySource(DirectorySourceConfig config, MessageParser parser, Clock clock);
    ~DirectorySource() override;
    DirectorySource(const DirectorySource&) = delete;
    DirectorySource& operator=(const DirectorySource&) = delete;

    Delivery poll(std::chrono::milliseconds budget) override;
    void dataBatchRan() override;
    std::optional<Micros> startTime() const override;
    const SourceStats& stats() const override;
    std::vector<MalformedMessage> takeNewMalformed() override;
    void close() override;

    /// The newest malformed lines (at most config.malformedKept).
    const std::deque<MalformedMessage>& malformed() const;
    /// Files read so far, in the order they were read (names relative to the directory).
    const std::vector<std::string>& filesRead() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace tidemark::kafka
