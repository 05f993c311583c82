// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "live/DirectorySource.h"
#include "live/SocketSource.h"

namespace tidemark::ui {

/// The course's other live sources, as the Live dialog sets them up: a socket (`nc -lk 9999`)
/// or a directory of JSON files, each with Spark's options.
struct LiveInputSettings {
    enum class Kind { Socket, Directory } kind = Kind::Socket;
    kafka::SocketSourceConfig socket;
    kafka::DirectorySourceConfig directory;
};

} // namespace tidemark::ui
