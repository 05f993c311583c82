// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/SocketSource.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace tidemark::kafka {

namespace {

using SteadyClock = std::chrono::steady_clock;

/// Java's InputStreamReader(UTF_8) replaces every malformed sequence with U+FFFD; a line that
/// reaches the query is therefore always valid UTF-8.
std::string validUtf8(std::string_view in)
{
    std::string out;
    out.reserve(in.size());
    std::size_t i = 0;
    while (i < in.size()) {
        const auto c = static_cast<unsigned char>(in[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= in.size();
        for (std::size_t k = 1; ok && k < len; ++k)
            ok = (static_cast<unsigned char>(in[i + k]) & 0xC0) == 0x80;
        if (ok && len == 2 && c < 0xC2)
            ok = false; // overlong
        if (ok && len == 3) {
            const auto c1 = static_cast<unsigned char>(in[i + 1]);
            ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0); // overlong, surrogates
        }
        if (ok && len == 4) {
            const auto c1 = static_cast<unsigned char>(in[i + 1]);
            ok = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
        }
        if (ok) {
            out.append(in.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

} // namespace

Schema socketSchema(bool includeTimestamp)
{
    Schema s;
    s.fields.push_back(Field{"value", DataType(TypeId::String), std::nullopt, {}});
    if (includeTimestamp)
        s.fields.push_back(Field{"timestamp", DataType(TypeId::Timestamp), std::nullopt, {}});
    return s;
}

struct SocketSource::Impl {
    SocketSourceConfig config;
    Clock clock;
    SourceStats stats;
    int fd = -1;
    bool attempted = false;
    bool skipLineFeed = false; ///< the last chunk ended in \r: a \n that follows belongs to it
    std::string partial;       ///< bytes of the line being received
    bool refusing = false;     ///< the line being received is past kMaxSocketLineBytes: dropped up to its end
    std::vector<LiveMessage> pending;
    std::optional<Micros> startTime;
    Micros lastUpTo = std::numeric_limits<Micros>::min();

    Impl(SocketSourceConfig c, Clock k)
        : config(std::move(c))
        , clock(std::move(k))
    {
        setStatus(SourceState::Connecting, "connecting to " + address(), "");
    }

    ~Impl() { closeSocket(); }

    std::string address() const { return config.host + ":" + std::to_string(config.port); }

    void setStatus(SourceState state, std::string status, std::string hint)
    {
        stats.state = state;
        stats.status = std::move(status);
        stats.hint = std::move(hint);
    }

    Micros stamp() const
    {
        const Micros now = clock();
        return lastUpTo == std::numeric_limits<Micros>::min() ? now : std::max(now, lastUpTo + 1);
    }

    void closeSocket()
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }

    /// One non-blocking connect per address, bounded by config.connectTimeout; errno-style text on failure.
    std::string connectOnce()
    {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        const std::string port = std::to_string(config.port);
        if (const int e = ::getaddrinfo(config.host.c_str(), port.c_str(), &hints, &found); e != 0)
            return std::string("cannot resolve ") + config.host + ": " + ::gai_strerror(e);
        std::string why = "no address";
        for (addrinfo* a = found; a; a = a->ai_next) {
            const int s = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
            if (s < 0) {
                why = std::strerror(errno);
                continue;
            }
            int err = 0;
            if (::connect(s, a->ai_addr, a->ai_addrlen) != 0) {
                err = errno;
                if (err == EINPROGRESS) {
                    pollfd p{s, POLLOUT, 0};
                    const int ready = ::poll(&p, 1, static_cast<int>(config.connectTimeout.count()));
                    socklen_t len = sizeof err;
                    if (ready <= 0)
                        err = ETIMEDOUT;
                    else if (::getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
                        err = errno;
                }
            }
            if (err == 0) {
                fd = s;
                ::freeaddrinfo(found);
                return {};
            }
            why = std::strerror(err);
            ::close(s);
        }
        ::freeaddrinfo(found);
        return why;
    }

    void connect()
    {
        attempted = true;
        const std::string why = connectOnce();
        startTime = stamp();
        if (why.empty()) {
            setStatus(SourceState::Connected, "reading lines from " + address(), "");
            return;
        }
        // TextSocketMicroBatchStream.initialize opens the socket when the query starts; a
        // refused connection fails the query there, with no retry.
        stats.error = "java.net.ConnectException: " + why + " (" + address() + ")";
        setStatus(SourceState::Failed, "cannot connect to " + address() + ": " + why + "; the query stopped, as Spark's socket source does",
                  "Spark's socket source is a client: start the server first (nc -lk " + std::to_string(config.port)
                      + "), then the query; check the host and port.");
    }

    void addLine(std::string_view bytes)
    {
        LiveMessage m;
        m.at = stamp();
        m.partition = -1;
        m.offset = -1;
        m.row.emplace_back(validUtf8(bytes));
        if (config.includeTimestamp) {
            // Spark stamps a line with Calendar.getInstance().getTimeInMillis when it is read.
            m.row.emplace_back(Value(m.at - (m.at % kMicrosPerMilli + kMicrosPerMilli) % kMicrosPerMilli));
            m.timeStyle = TimeStyle::DateTime;
        }
        pending.push_back(std::move(m));
        ++stats.received;
    }

    void receive(std::string_view chunk)
    {
        for (const char c : chunk) {
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n')
                    continue;
            }
            if (c == '\n' || c == '\r') {
                if (!refusing)
                    addLine(partial);
                refusing = false;
                partial.clear();
                skipLineFeed = c == '\r';
            } else if (!refusing) {
                partial += c;
                if (partial.size() > kMaxSocketLineBytes)
                    refuseLine();
            }
        }
    }

    /// A peer that never sends a line break must not fill the memory: the line is reported
    /// and dropped up to its end, and the lines after it are read.
    void refuseLine()
    {
        refusing = true;
        partial.clear();
        SourceFault f;
        f.at = stamp();
        f.kind = SourceFault::Kind::MessageRefused;
        f.text = "line " + std::to_string(stats.received + stats.refused + 1) + " from " + address() + " is longer than "
                 + std::to_string(kMaxSocketLineBytes) + " bytes, Tidemark's limit for one line: it was dropped; the lines after it are read";
        ++stats.refused;
        recordFault(stats, std::move(f), config.faultsKept);
    }

    void closedByPeer(const std::string& why)
    {
        if (!partial.empty() && !refusing) { // readLine returns the last line without its line break
            addLine(partial);
            partial.clear();
        }
        closeSocket();
        SourceFault f;
        f.at = stamp();
        f.kind = SourceFault::Kind::InputClosed;
        f.text = "the server at " + address() + " " + why + " after " + std::to_string(stats.received)
                 + " lines; Spark's socket source does not reconnect, so no more lines are read (the query goes on without input)";
        setStatus(SourceState::Closed, f.text, "Restart the server and the query to read again.");
        recordFault(stats, std::move(f), config.faultsKept);
    }

    Delivery poll(std::chrono::milliseconds budget)
    {
        const auto deadline = SteadyClock::now() + budget;
        if (!attempted)
            connect();
        char buf[65536];
        while (fd >= 0) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now()).count();
            pollfd p{fd, POLLIN, 0};
            const int ready = ::poll(&p, 1, static_cast<int>(std::max<std::int64_t>(0, left)));
            if (ready < 0 && errno != EINTR)
                break;
            if (ready > 0) {
                const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
                if (n > 0)
                    receive(std::string_view(buf, static_cast<std::size_t>(n)));
                else if (n == 0)
                    closedByPeer("closed the connection");
                else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                    closedByPeer(std::string("broke the connection (") + std::strerror(errno) + ")");
            }
            if (left <= 0)
                break;
        }
        if (fd < 0 && SteadyClock::now() < deadline)
            std::this_thread::sleep_until(deadline);
        Delivery d;
        d.upTo = stamp();
        d.messages = std::move(pending);
        pending.clear();
        lastUpTo = d.upTo;
        return d;
    }
};

SocketSource::SocketSource(SocketSourceConfig config, Clock clock)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(clock)))
{
}

SocketSource::~SocketSource() = default;

Delivery SocketSource::poll(std::chrono::milliseconds budget) { return m_impl->poll(budget); }

std::optional<Micros> SocketSource::startTime() const { return m_impl->startTime; }

const SourceStats& SocketSource::stats() const { return m_impl->stats; }

void SocketSource::close()
{
    if (m_impl->fd >= 0) {
        m_impl->closeSocket();
        m_impl->setStatus(SourceState::Closed, "disconnected", "");
    }
}

const SocketSourceConfig& SocketSource::config() const { return m_impl->config; }

} // namespace tidemark::kafka
