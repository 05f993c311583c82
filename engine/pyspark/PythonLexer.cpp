// SPDX-License-Identifier: GPL-3.0-or-later
// Tokens of Python as a notebook cell writes it, including IPython's `!` and `%` lines.
#include "engine/pyspark/PythonLexer.h"

#include <cctype>
#include <cstring>

namespace tidemark::pyspark {

namespace {

bool isNameStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool isNameChar(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

class Lexer {
public:
    explicit Lexer(const std::string& code) : m_s(code) {}

    std::vector<PyToken> run()
    {
        bool lineStart = true;
        while (m_i < m_s.size()) {
            const char c = m_s[m_i];
            if (lineStart) {
                lineStart = false;
                m_indent = 0;
                while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\t')) {
                    m_indent += m_s[m_i] == '\t' ? 8 - m_indent % 8 : 1;
                    advance();
                }
                if (m_i < m_s.size() && (m_s[m_i] == '!' || m_s[m_i] == '%') && m_depth == 0) {
                    shell();
                    continue;
                }
                continue;
            }
            mark();
            if (c == '\n') {
                advance();
                if (m_depth == 0 && !m_tokens.empty() && m_tokens.back().kind != PyToken::Kind::Newline)
                    push(PyToken::Kind::Newline, "", m_i - 1, m_i);
                lineStart = m_depth == 0;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                advance();
                continue;
            }
            if (c == '\\' && m_i + 1 < m_s.size() && m_s[m_i + 1] == '\n') {
                advance();
                advance();
                continue;
            }
            if (c == '#') {
                while (m_i < m_s.size() && m_s[m_i] != '\n')
                    advance();
                continue;
            }
            if (c == '!' && !(m_i + 1 < m_s.size() && m_s[m_i + 1] == '=')) {
                shell(); // `x = !pwd`
                continue;
            }
            if (isStringStart()) {
                string();
                continue;
            }
            if (isNameStart(static_cast<unsigned char>(c))) {
                const std::size_t b = m_i;
                while (m_i < m_s.size() && isNameChar(static_cast<unsigned char>(m_s[m_i])))
                    advance();
                push(PyToken::Kind::Name, m_s.substr(b, m_i - b), b, m_i);
                continue;
            }
            if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && m_i + 1 < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_i + 1])))) {
                number();
                continue;
            }
            op();
        }
        if (!m_tokens.empty() && m_tokens.back().kind != PyToken::Kind::Newline)
            push(PyToken::Kind::Newline, "", m_i, m_i);
        push(PyToken::Kind::End, "", m_i, m_i);
        return std::move(m_tokens);
    }

private:
    void advance()
    {
        if (m_s[m_i] == '\n') {
            ++m_line;
            m_col = 0;
        } else {
            ++m_col;
        }
        ++m_i;
    }

    void push(PyToken::Kind kind, std::string text, std::size_t b, std::size_t e, bool fstring = false)
    {
        PyToken t;
        t.kind = kind;
        t.text = std::move(text);
        t.fstring = fstring;
        t.line = m_tokLine;
        t.column = m_tokCol;
        t.indent = m_indent;
        t.begin = b;
        t.end = e;
        m_tokens.push_back(std::move(t));
    }

    void mark()
    {
        m_tokLine = m_line;
        m_tokCol = m_col;
    }

    void shell()
    {
        mark();
        const std::size_t b = m_i;
        while (m_i < m_s.size() && m_s[m_i] != '\n')
            advance();
        push(PyToken::Kind::Shell, m_s.substr(b, m_i - b), b, m_i);
    }

    bool isStringStart() const
    {
        std::size_t j = m_i;
        while (j < m_s.size() && j - m_i < 2 && std::strchr("rRbBfFuU", m_s[j]) && m_s[j] != '\0')
            ++j;
        return j < m_s.size() && (m_s[j] == '\'' || m_s[j] == '"');
    }

    void string()
    {
        mark();
        const std::size_t b = m_i;
        bool raw = false, fstr = false;
        while (m_s[m_i] != '\'' && m_s[m_i] != '"') {
            const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(m_s[m_i])));
            raw = raw || p == 'r';
            fstr = fstr || p == 'f';
            advance();
        }
        const char q = m_s[m_i];
        const bool triple = m_i + 2 < m_s.size() && m_s[m_i + 1] == q && m_s[m_i + 2] == q;
        for (int k = 0; k < (triple ? 3 : 1); ++k)
            advance();
        std::string value;
        while (m_i < m_s.size()) {
            const char c = m_s[m_i];
            if (!triple && c == '\n')
                break; // unterminated: the parser reports the statement
            if (c == q && (!triple || (m_i + 2 < m_s.size() && m_s[m_i + 1] == q && m_s[m_i + 2] == q))) {
                for (int k = 0; k < (triple ? 3 : 1); ++k)
                    advance();
                break;
            }
            if (c == '\\' && m_i + 1 < m_s.size()) {
                const char n = m_s[m_i + 1];
                advance();
                advance();
                if (raw) {
                    value += '\\';
                    value += n;
                    continue;
                }
                switch (n) {
                case 'n': value += '\n'; break;
                case 't': value += '\t'; break;
                case '\\': value += '\\'; break;
                case '\'': value += '\''; break;
                case '"': value += '"'; break;
                case '\n': break;
                default: // Python keeps an unknown escape such as "\s" as written
                    value += '\\';
                    value += n;
                }
                continue;
            }
            value += c;
            advance();
        }
        push(PyToken::Kind::String, value, b, m_i, fstr);
    }

    void number()
    {
        mark();
        const std::size_t b = m_i;
        while (m_i < m_s.size() && (std::isalnum(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '.' || m_s[m_i] == '_'
                                    || ((m_s[m_i] == '+' || m_s[m_i] == '-') && (m_s[m_i - 1] == 'e' || m_s[m_i - 1] == 'E'))))
            advance();
        push(PyToken::Kind::Number, m_s.substr(b, m_i - b), b, m_i);
    }

    void op()
    {
        mark();
        static const char* kThree[] = {"**=", "//=", ">>=", "<<=", "..."};
        static const char* kTwo[] = {"==", "!=", "<=", ">=", "**", "//", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "<<", ">>", ":="};
        const std::size_t b = m_i;
        auto take = [&](std::size_t n) {
            for (std::size_t k = 0; k < n; ++k)
                advance();
            push(PyToken::Kind::Op, m_s.substr(b, n), b, m_i);
        };
        for (const char* t : kThree)
            if (m_s.compare(m_i, 3, t) == 0)
                return take(3);
        for (const char* t : kTwo)
            if (m_s.compare(m_i, 2, t) == 0)
                return take(2);
        const char c = m_s[m_i];
        if (c == '(' || c == '[' || c == '{')
            ++m_depth;
        if ((c == ')' || c == ']' || c == '}') && m_depth > 0)
            --m_depth;
        take(1);
    }

    const std::string& m_s;
    std::size_t m_i = 0;
    int m_line = 1, m_col = 0;
    int m_tokLine = 1, m_tokCol = 0;
    int m_indent = 0;
    int m_depth = 0;
    std::vector<PyToken> m_tokens;
};

} // namespace

std::vector<PyToken> tokenizePython(const std::string& code) { return Lexer(code).run(); }

} // namespace tidemark::pyspark
