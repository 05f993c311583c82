// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

namespace tidemark::kafka {

/// Accepts TCP connections on 127.0.0.1:PORT and relays each, byte for byte in both
/// directions, to another loopback address.
///
/// Why: librdkafka's mock cluster always binds an ephemeral port, but classroom material says
/// localhost:9092. Forwarding the fixed port to the mock's port is the clean way to offer it
/// (no system-call interception). It also shows the advertised-listener lesson: a client only
/// bootstraps through the forwarder; the broker's metadata then sends it to the broker's own
/// advertised address (127.0.0.1:EPHEMERAL), exactly as OUTSIDE://localhost:9092 does in docker.
class TcpForwarder {
public:
    TcpForwarder() = default;
    ~TcpForwarder();
    TcpForwarder(const TcpForwarder&) = delete;
    TcpForwarder& operator=(const TcpForwarder&) = delete;

    /// Starts listening (port 0: any free port). False with `error` if the port is taken.
    bool start(std::uint16_t listenPort, const std::string& targetHost, std::uint16_t targetPort, std::string* error);
    void stop();
    /// New connections go to `targetPort` from now on (the cluster behind was replaced).
    void retarget(std::uint16_t targetPort) { m_targetPort = targetPort; }
    std::uint16_t port() const { return m_port; }

private:
    void run();

    int m_listen = -1;
    int m_wake[2] = {-1, -1};
    std::uint16_t m_port = 0;
    std::string m_targetHost;
    std::atomic<std::uint16_t> m_targetPort{0};
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
};

} // namespace tidemark::kafka
