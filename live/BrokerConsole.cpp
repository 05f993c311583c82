// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/BrokerConsole.h"

#include "live/MockCluster.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <ostream>
#include <sstream>
#include <thread>
#include <vector>

namespace tidemark::kafka {

namespace {

std::vector<std::string> words(const std::string& line)
{
    std::istringstream in(line);
    std::vector<std::string> w;
    for (std::string s; in >> s;)
        w.push_back(s);
    return w;
}

std::string trimmed(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

} // namespace

BrokerConsole::BrokerConsole(MockCluster& cluster, std::ostream& out, int inputFd)
    : m_cluster(cluster)
    , m_out(out)
    , m_fd(inputFd)
{
}

std::string BrokerConsole::execute(const std::string& line)
{
    const std::string command = trimmed(line);
    const auto w = words(command);
    const std::string usage = "; commands: down, up, down N, up N (N from 1 to " + std::to_string(m_cluster.brokers()) + "), fresh";
    if (w.empty())
        return "error: empty command" + usage;
    if ((w[0] == "down" || w[0] == "up") && w.size() <= 2) {
        std::int32_t id = -1;
        if (w.size() == 2) {
            try {
                std::size_t used = 0;
                id = std::stoi(w[1], &used);
                if (used != w[1].size())
                    id = 0;
            } catch (const std::exception&) {
                id = 0;
            }
            if (id < 1 || id > m_cluster.brokers())
                return "error: no broker '" + w[1] + "'" + usage;
        }
        if (w[0] == "down")
            m_cluster.setBrokerDown(id);
        else
            m_cluster.setBrokerUp(id);
        return command;
    }
    if ((w[0] == "fresh" || w[0] == "fresh-log") && w.size() == 1) {
        std::string error;
        if (!m_cluster.replaceWithEmpty(&error))
            return "error: cannot replace the broker: " + error;
        return command;
    }
    return "error: unknown command '" + command + "'" + usage;
}

void BrokerConsole::serve(std::chrono::milliseconds timeout)
{
    if (m_inputEnded) {
        std::this_thread::sleep_for(timeout);
        return;
    }
    pollfd p{m_fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (ready <= 0)
        return;
    char chunk[4096];
    const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        // End of input (or a closed terminal) is not a command to quit: keep serving.
        m_inputEnded = true;
        if (!trimmed(m_buffer).empty())
            m_out << execute(m_buffer) << std::endl;
        m_buffer.clear();
        return;
    }
    m_buffer.append(chunk, static_cast<std::size_t>(n));
    for (auto nl = m_buffer.find('\n'); nl != std::string::npos; nl = m_buffer.find('\n')) {
        const std::string line = m_buffer.substr(0, nl);
        m_buffer.erase(0, nl + 1);
        if (trimmed(line).empty())
            continue;
        m_out << execute(line) << std::endl; // std::endl flushes: the answer is out at once, also into a file or pipe
    }
}

} // namespace tidemark::kafka
