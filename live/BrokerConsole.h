// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <iosfwd>
#include <string>

namespace tidemark::kafka {

class MockCluster;

/// The commands `tidemark broker` reads on its standard input, one per line, to stage faults
/// in class: `down` / `up` (every broker stops answering / answers again; data kept),
/// `down N` / `up N` (broker N only), `fresh` (or `fresh-log`: the cluster is replaced by an
/// empty one, see MockCluster::replaceWithEmpty). Each command is answered on `out` with a line
/// that repeats it, flushed at once, so a script (or a test) can wait for it; an unknown command
/// is answered with a line starting "error: " and changes nothing. The end of the input is not
/// a command: the broker keeps serving until it is stopped.
class BrokerConsole {
public:
    BrokerConsole(MockCluster& cluster, std::ostream& out, int inputFd = 0);

    /// Waits up to `timeout` for input and carries out every complete line that arrived.
    void serve(std::chrono::milliseconds timeout);
    /// Carries out one command; returns the line it answers with.
    std::string execute(const std::string& line);

private:
    MockCluster& m_cluster;
    std::ostream& m_out;
    int m_fd;
    bool m_inputEnded = false;
    std::string m_buffer;
};

} // namespace tidemark::kafka
