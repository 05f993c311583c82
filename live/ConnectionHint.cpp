// SPDX-License-Identifier: GPL-3.0-or-later
#include "live/ConnectionHint.h"

namespace tidemark::kafka {

namespace {

bool contains(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }

} // namespace

std::string connectionHint(const std::string& bootstrap, const std::string& error)
{
    const std::string both = "Outside docker (this program on the host) use localhost:9092, the OUTSIDE listener; "
                             "inside the docker network (the notebook) use kafka:9093, the INSIDE listener "
                             "(KAFKA_ADVERTISED_LISTENERS in docker-compose.yml).";
    if (contains(bootstrap, "kafka:") || contains(bootstrap, "kafka,") || bootstrap == "kafka")
        return "The name 'kafka' resolves only inside the docker network. " + both;
    if (contains(error, "kafka:9093") || (contains(error, "kafka:") && !contains(bootstrap, "kafka")))
        return "The broker answered at " + bootstrap
               + " but told the client to connect to kafka:9093, its advertised INSIDE listener, which only resolves inside docker. "
                 "Bootstrap on localhost:9092 so that the broker advertises OUTSIDE://localhost:9092. "
               + both;
    if (contains(bootstrap, ":9093"))
        return "Port 9093 is the docker-internal listener and is not published to the host (docker-compose 'expose', not 'ports'). "
               + both;
    std::string hint;
    if (contains(error, "refused") || contains(error, "Connection reset") || contains(error, "all brokers down")
        || contains(error, "All broker connections are down"))
        hint = "Nothing accepted the connection at " + bootstrap
               + ": is the broker running (docker compose ps; the kafka container)? Without Docker, `tidemark broker --port 9092` "
                 "starts a local test broker. ";
    else if (contains(error, "resolve"))
        hint = "The host name in " + bootstrap + " does not resolve here. ";
    else if (contains(error, "timed out") || contains(error, "Timed out"))
        hint = "No answer from " + bootstrap + " in time: a firewall, a wrong host, or a broker still starting. ";
    return hint + both;
}

} // namespace tidemark::kafka
