// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace tidemark {

/// What kind of failure an Error reports; the CLI maps it to an exit code.
enum class ErrorKind {
    File,  ///< The scenario file is missing, unreadable, malformed or inconsistent (exit 2).
    Query, ///< Spark itself would reject the query (AnalysisException, IllegalArgumentException; exit 3).
};

/// An expected failure, carried as a value. `where` names the place (a JSON path such as
/// `query.groupBy[1].window.slide`, or `line 3, column 7`); `message` is what went wrong,
/// verbatim Spark text for query errors.
struct Error {
    ErrorKind kind = ErrorKind::File;
    std::string where;
    std::string message;
    /// For query errors: the Java exception Spark throws (AnalysisException, IllegalArgumentException, ...).
    std::string exception;

    static Error file(std::string where, std::string message) { return {ErrorKind::File, std::move(where), std::move(message), {}}; }
    static Error query(std::string message, std::string where = {}, std::string exception = "AnalysisException")
    {
        return {ErrorKind::Query, std::move(where), std::move(message), std::move(exception)};
    }

    /// `Exception: message` for query errors, the message alone for file errors.
    std::string text() const { return exception.empty() ? message : exception + ": " + message; }
    /// `where: text()`, or text() alone when there is no place.
    std::string describe() const { return where.empty() ? text() : where + ": " + text(); }
};

/// A value or an Error (std::expected is not in GCC 12).
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

/// Success or an Error.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)), m_failed(true) {}
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace tidemark
