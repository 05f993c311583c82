// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/LiveClock.h"
#include "live/LiveInput.h"
#include "engine/schema/Schema.h"

#include <cstddef>
#include <chrono>
#include <memory>
#include <string>

namespace tidemark::kafka {

/// The longest line a socket source keeps (1 MiB, Kafka's default message size); a longer one
/// is reported as a refused message and dropped up to its line break, so a peer that never
/// sends one cannot fill the memory.
inline constexpr std::size_t kMaxSocketLineBytes = 1'048'576;

/// Spark's socket source options (TextSocketSourceProvider): `host`, `port`, `includeTimestamp`.
struct SocketSourceConfig {
    std::string host = "localhost";
    int port = 9999;
    bool includeTimestamp = false;
    std::chrono::milliseconds connectTimeout{3000};
    std::size_t faultsKept = 1000;
};

/// The schema Spark's socket source gives its rows (TextSocketReader.SCHEMA_REGULAR /
/// SCHEMA_TIMESTAMP): `value STRING`, and `timestamp TIMESTAMP` with includeTimestamp. The
/// socket source takes no user schema.
Schema socketSchema(bool includeTimestamp);

/// Reads lines from a TCP server (`nc -lk 9999`) as Spark's TextSocketMicroBatchStream does:
///
/// - it connects as a client once, when the query starts; a server that is not there fails the
///   query (state Failed with the connection error), since Spark does not retry either;
/// - every line is one row, split as java.io.BufferedReader.readLine splits (\n, \r or \r\n),
///   read as UTF-8; the row's `timestamp` (includeTimestamp) is the time the line was received,
///   in milliseconds, on the live clock;
/// - when the server closes the connection Spark's reader thread ends and the query goes on
///   without input. Here that is a fault (InputClosed) in the history and the status, never
///   silent; a last line without its line break is still a row, as readLine returns it.
///
/// Arrival time is when the line was received. Single-threaded, no Qt.
class SocketSource : public LiveInput {
public:
    SocketSource(SocketSourceConfig config, Clock clock);
    ~SocketSource() override;
    SocketSource(const SocketSource&) = delete;
    SocketSource& operator=(const SocketSource&) = delete;

    Delivery poll(std::chrono::milliseconds budget) override;
    std::optional<Micros> startTime() const override;
    const SourceStats& stats() const override;
    std::vector<MalformedMessage> takeNewMalformed() override { return {}; } // a line is always a row
    void close() override;

    const SocketSourceConfig& config() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace tidemark::kafka
