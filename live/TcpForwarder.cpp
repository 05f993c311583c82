// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/TcpForwarder.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <list>
#include <vector>

namespace tidemark::kafka {

namespace {

void setNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL, 0) | O_NONBLOCK); }

/// One relayed connection: bytes read from one side wait in a buffer until the other side takes them.
struct Link {
    int client = -1;
    int server = -1;
    std::string toServer;
    std::string toClient;
    bool clientEof = false;
    bool serverEof = false;
    bool dead = false;
};

/// Reads what `from` has into `buffer`; false on EOF or error.
bool pull(int from, std::string& buffer)
{
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::recv(from, chunk, sizeof chunk, 0);
        if (n > 0) {
            buffer.append(chunk, static_cast<size_t>(n));
            if (buffer.size() > (4u << 20))
                return true; // enough buffered; let the other side drain first
            continue;
        }
        if (n == 0)
            return false;
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
    }
}

/// Writes as much of `buffer` to `to` as it takes; false on error.
bool push(int to, std::string& buffer)
{
    while (!buffer.empty()) {
        const ssize_t n = ::send(to, buffer.data(), buffer.size(), MSG_NOSIGNAL);
        if (n > 0) {
            buffer.erase(0, static_cast<size_t>(n));
            continue;
        }
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
    }
    return true;
}

} // namespace

TcpForwarder::~TcpForwarder() { stop(); }

bool TcpForwarder::start(std::uint16_t listenPort, const std::string& targetHost, std::uint16_t targetPort, std::string* error)
{
    m_targetHost = targetHost;
    m_targetPort = targetPort;
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listen < 0) {
        if (error)
            *error = std::strerror(errno);
        return false;
    }
    const int one = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(listenPort);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listen, 64) != 0) {
        if (error)
            *error = "cannot listen on 127.0.0.1:" + std::to_string(listenPort) + ": " + std::strerror(errno);
        ::close(m_listen);
        m_listen = -1;
        return false;
    }
    socklen_t len = sizeof addr;
    ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    setNonBlocking(m_listen);
    if (::pipe2(m_wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        if (error)
            *error = std::strerror(errno);
        ::close(m_listen);
        m_listen = -1;
        return false;
    }
    m_stop = false;
    m_thread = std::thread([this] { run(); });
    return true;
}

void TcpForwarder::stop()
{
    if (!m_thread.joinable())
        return;
    m_stop = true;
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(m_wake[1], &c, 1);
    m_thread.join();
    ::close(m_listen);
    ::close(m_wake[0]);
    ::close(m_wake[1]);
    m_listen = m_wake[0] = m_wake[1] = -1;
}

void TcpForwarder::run()
{
    std::list<Link> links;
    while (!m_stop) {
        std::vector<pollfd> fds;
        fds.push_back({m_wake[0], POLLIN, 0});
        fds.push_back({m_listen, POLLIN, 0});
        for (auto& l : links) {
            short c = static_cast<short>((l.clientEof || l.toServer.size() > (4u << 20) ? 0 : POLLIN) | (l.toClient.empty() ? 0 : POLLOUT));
            short s = static_cast<short>((l.serverEof || l.toClient.size() > (4u << 20) ? 0 : POLLIN) | (l.toServer.empty() ? 0 : POLLOUT));
            fds.push_back({l.client, c, 0});
            fds.push_back({l.server, s, 0});
        }
        if (::poll(fds.data(), fds.size(), 1000) < 0 && errno != EINTR)
            break;
        if (fds[0].revents)
            break;
        if (fds[1].revents & POLLIN) {
            for (;;) {
                const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
                if (client < 0)
                    break;
                const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
                sockaddr_in to{};
                to.sin_family = AF_INET;
                to.sin_port = htons(m_targetPort.load());
                ::inet_pton(AF_INET, m_targetHost.c_str(), &to.sin_addr);
                // Loopback: a blocking connect completes at once (or is refused at once).
                if (server < 0 || ::connect(server, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
                    ::close(client);
                    if (server >= 0)
                        ::close(server);
                    continue;
                }
                const int one = 1;
                ::setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                setNonBlocking(server);
                links.push_back(Link{client, server, {}, {}, false, false, false});
            }
        }
        size_t i = 2;
        for (auto& l : links) {
            const short rc = fds[i].revents;
            const short rs = fds[i + 1].revents;
            i += 2;
            if (rc & (POLLIN | POLLHUP | POLLERR))
                if (!pull(l.client, l.toServer))
                    l.clientEof = true;
            if (rs & (POLLIN | POLLHUP | POLLERR))
                if (!pull(l.server, l.toClient))
                    l.serverEof = true;
            if (!push(l.server, l.toServer) || !push(l.client, l.toClient))
                l.dead = true;
            // Kafka connections are not half-closed: when one side ends, end both once drained.
            if ((l.clientEof && l.toServer.empty()) || (l.serverEof && l.toClient.empty()))
                l.dead = true;
        }
        for (auto it = links.begin(); it != links.end();) {
            if (it->dead) {
                ::close(it->client);
                ::close(it->server);
                it = links.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (auto& l : links) {
        ::close(l.client);
        ::close(l.server);
    }
}

} // namespace tidemark::kafka
