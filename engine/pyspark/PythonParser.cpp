// SPDX-License-Identifier: GPL-3.0-or-later
// A recursive-descent parser of the Python a notebook cell builds a streaming query with.
#include "engine/pyspark/PythonLexer.h"
#include "engine/pyspark/PythonSyntax.h"

#include <algorithm>
#include <optional>
#include <set>

namespace tidemark::pyspark {

namespace {

using Kind = PyToken::Kind;

struct SyntaxFailure {
    int line;
    std::string message;
};

class Parser {
public:
    explicit Parser(std::vector<PyToken> tokens) : m_t(std::move(tokens)) {}

    PyModule run()
    {
        PyModule mod;
        while (peek().kind != Kind::End) {
            if (peek().kind == Kind::Newline) {
                ++m_i;
                continue;
            }
            const std::size_t start = m_i;
            try {
                if (auto st = statement())
                    mod.statements.push_back(std::move(*st));
            } catch (const SyntaxFailure& f) {
                mod.errors.push_back({f.line, f.message});
                m_i = start;
                skipLogicalLine();
            }
        }
        return mod;
    }

private:
    const PyToken& peek(std::size_t ahead = 0) const { return m_t[std::min(m_i + ahead, m_t.size() - 1)]; }
    bool isOp(const char* op, std::size_t ahead = 0) const { return peek(ahead).kind == Kind::Op && peek(ahead).text == op; }
    bool isName(const char* name) const { return peek().kind == Kind::Name && peek().text == name; }
    const PyToken& next() { return m_t[std::min(m_i++, m_t.size() - 1)]; }

    [[noreturn]] void failHere(const std::string& expected) const
    {
        const PyToken& t = peek();
        const std::string found = t.kind == Kind::Newline ? "the end of the line" : t.kind == Kind::End ? "the end of the cell" : "`" + t.text + "`";
        throw SyntaxFailure{t.line, "cannot read this Python: expected " + expected + ", found " + found};
    }

    void expectOp(const char* op)
    {
        if (!isOp(op))
            failHere(std::string("`") + op + "`");
        ++m_i;
    }

    void skipLogicalLine()
    {
        while (peek().kind != Kind::Newline && peek().kind != Kind::End)
            ++m_i;
        if (peek().kind == Kind::Newline)
            ++m_i;
    }

    /// Skips a compound statement: its header line and every following line indented deeper.
    void skipBlock()
    {
        const int indent = peek().indent;
        skipLogicalLine();
        while (peek().kind != Kind::End && peek().indent > indent)
            skipLogicalLine();
    }

    std::optional<PyStatement> statement()
    {
        static const std::set<std::string> kCompound = {"def", "class", "for", "while", "if", "elif", "else", "with", "try",
                                                        "except", "finally", "async", "match"};
        static const std::set<std::string> kSimple = {"import", "from", "pass", "return", "del", "global", "nonlocal",
                                                      "assert", "raise", "break", "continue", "yield", "print"};
        if ((peek().kind == Kind::Name && kCompound.count(peek().text)) || isOp("@")) {
            skipBlock();
            return std::nullopt;
        }
        if (peek().kind == Kind::Name && kSimple.count(peek().text) && !(isName("print") && isOp("(", 1))) {
            skipLogicalLine();
            return std::nullopt;
        }
        if (peek().indent > 0 && m_i > 0) {
            // A line indented under nothing we read (a continuation we did not follow): skip it.
            skipLogicalLine();
            return std::nullopt;
        }
        PyStatement st;
        st.line = peek().line;
        PyExprPtr first = expressionList();
        if (isOp("=")) {
            std::vector<PyExprPtr> targets{first};
            while (isOp("=")) {
                ++m_i;
                targets.push_back(expressionList());
            }
            st.value = targets.back();
            targets.pop_back();
            for (const auto& t : targets) {
                if (t->kind == PyExpr::Kind::Name)
                    st.targets.push_back(t->text);
                else if (t->kind == PyExpr::Kind::Tuple || t->kind == PyExpr::Kind::List) {
                    st.opaqueTarget = true;
                    for (const auto& item : t->items)
                        if (item->kind == PyExpr::Kind::Name)
                            st.targets.push_back(item->text);
                }
            }
        } else if (peek().kind == Kind::Op && peek().text.size() == 2 && peek().text[1] == '=' && peek().text != "==") {
            ++m_i; // augmented assignment
            st.value = expressionList();
            st.opaqueTarget = true;
            if (first->kind == PyExpr::Kind::Name)
                st.targets.push_back(first->text);
        } else if (isOp(":")) {
            ++m_i; // annotated assignment `x: T = v`
            expression();
            if (isOp("=")) {
                ++m_i;
                st.value = expressionList();
                if (first->kind == PyExpr::Kind::Name)
                    st.targets.push_back(first->text);
            }
        } else {
            st.value = first;
        }
        if (peek().kind == Kind::Op && peek().text == ";")
            ++m_i;
        if (peek().kind != Kind::Newline && peek().kind != Kind::End)
            failHere("the end of the statement");
        skipLogicalLine();
        if (!st.value)
            return std::nullopt;
        return st;
    }

    std::shared_ptr<PyExpr> make(PyExpr::Kind kind, const PyToken& at)
    {
        auto e = std::make_shared<PyExpr>();
        e->kind = kind;
        e->line = at.line;
        e->begin = at.begin;
        e->end = at.end;
        return e;
    }

    void finish(std::shared_ptr<PyExpr>& e) const { e->end = m_t[m_i > 0 ? m_i - 1 : 0].end; }

    /// `not x`, `-x`, `+x`, `~x`: the operator's token and its operand, already parsed.
    PyExprPtr unary(const PyToken& op, PyExprPtr operand)
    {
        auto u = make(PyExpr::Kind::Unary, op);
        u->text = op.text;
        u->items = {std::move(operand)};
        finish(u);
        return u;
    }

    PyExprPtr expressionList()
    {
        const PyToken& start = peek();
        PyExprPtr first = expression();
        if (!isOp(","))
            return first;
        auto tuple = make(PyExpr::Kind::Tuple, start);
        tuple->items.push_back(first);
        while (isOp(",")) {
            ++m_i;
            if (peek().kind == Kind::Newline || isOp("=") || peek().kind == Kind::End)
                break;
            tuple->items.push_back(expression());
        }
        finish(tuple);
        return tuple;
    }

    /// Bounds the recursion a hostile file could ask for: nesting and method chains.
    struct DepthGuard {
        Parser& p;
        explicit DepthGuard(Parser& parser) : p(parser)
        {
            if (++p.m_depth > kMaxDepth)
                throw SyntaxFailure{p.peek().line, "cannot read this Python: the expression is nested too deeply to read"};
        }
        ~DepthGuard() { --p.m_depth; }
    };
    static constexpr int kMaxDepth = 200;
    static constexpr int kMaxChain = 500;

    PyExprPtr expression()
    {
        DepthGuard guard(*this);
        if (isName("lambda")) {
            const PyToken& start = peek();
            auto other = make(PyExpr::Kind::Other, start);
            ++m_i;
            while (!isOp(":") && peek().kind != Kind::Newline && peek().kind != Kind::End)
                ++m_i;
            expectOp(":");
            expression();
            other->text = "lambda";
            finish(other);
            return other;
        }
        PyExprPtr value = orTest();
        if (isName("if")) { // `a if c else b`
            const PyToken& start = m_t[m_i];
            ++m_i;
            orTest();
            if (!isName("else"))
                failHere("`else`");
            ++m_i;
            expression();
            auto other = make(PyExpr::Kind::Other, start);
            other->text = "conditional expression";
            other->begin = value->begin;
            finish(other);
            return other;
        }
        return value;
    }

    PyExprPtr binaryChain(PyExprPtr (Parser::*sub)(), std::initializer_list<const char*> ops, bool names = false)
    {
        PyExprPtr left = (this->*sub)();
        for (;;) {
            std::string op;
            for (const char* o : ops)
                if ((names && isName(o)) || (!names && isOp(o)))
                    op = o;
            if (op.empty())
                return left;
            const PyToken& at = next();
            PyExprPtr right = (this->*sub)();
            auto b = make(PyExpr::Kind::Binary, at);
            b->text = op;
            b->begin = left->begin;
            b->items = {left, right};
            finish(b);
            left = b;
        }
    }

    PyExprPtr orTest() { return binaryChain(&Parser::andTest, {"or"}, true); }
    PyExprPtr andTest() { return binaryChain(&Parser::notTest, {"and"}, true); }
    PyExprPtr notTest()
    {
        DepthGuard guard(*this);
        if (isName("not")) {
            const PyToken& at = next();
            return unary(at, notTest());
        }
        return comparison();
    }
    PyExprPtr comparison()
    {
        PyExprPtr left = bitOr();
        for (;;) {
            std::string op;
            for (const char* o : {"==", "!=", "<", "<=", ">", ">="})
                if (isOp(o))
                    op = o;
            if (isName("in") || isName("is"))
                op = peek().text;
            if (isName("not") && peek(1).kind == Kind::Name && peek(1).text == "in")
                op = "not in";
            if (op.empty())
                return left;
            const PyToken& at = next();
            if (op == "not in" || (op == "is" && isName("not")))
                ++m_i;
            PyExprPtr right = bitOr();
            auto b = make(PyExpr::Kind::Binary, at);
            b->text = op;
            b->begin = left->begin;
            b->items = {left, right};
            finish(b);
            left = b;
        }
    }
    PyExprPtr bitOr() { return binaryChain(&Parser::bitXor, {"|"}); }
    PyExprPtr bitXor() { return binaryChain(&Parser::bitAnd, {"^"}); }
    PyExprPtr bitAnd() { return binaryChain(&Parser::shift, {"&"}); }
    PyExprPtr shift() { return binaryChain(&Parser::arith, {"<<", ">>"}); }
    PyExprPtr arith() { return binaryChain(&Parser::term, {"+", "-"}); }
    PyExprPtr term() { return binaryChain(&Parser::factor, {"*", "/", "//", "%", "@"}); }
    PyExprPtr factor()
    {
        DepthGuard guard(*this);
        if (isOp("-") || isOp("+") || isOp("~")) {
            const PyToken& at = next();
            return unary(at, factor());
        }
        return power();
    }
    PyExprPtr power()
    {
        PyExprPtr base = primary();
        if (isOp("**")) {
            const PyToken& at = next();
            auto b = make(PyExpr::Kind::Binary, at);
            b->text = "**";
            b->begin = base->begin;
            b->items = {base, factor()};
            finish(b);
            return b;
        }
        return base;
    }

    PyExprPtr primary()
    {
        PyExprPtr e = atom();
        for (int links = 0;; ++links) {
            if (links > kMaxChain)
                throw SyntaxFailure{peek().line, "cannot read this Python: the method chain is too long to read"};
            if (isOp(".")) {
                ++m_i;
                if (peek().kind != Kind::Name)
                    failHere("a name after `.`");
                const PyToken& name = next();
                auto a = make(PyExpr::Kind::Attribute, name);
                a->object = e;
                a->text = name.text;
                a->begin = e->begin;
                a->line = name.line;
                finish(a);
                e = a;
            } else if (isOp("(")) {
                const PyToken& open = next();
                auto c = make(PyExpr::Kind::Call, open);
                c->object = e;
                c->begin = e->begin;
                c->line = e->kind == PyExpr::Kind::Attribute ? e->line : open.line;
                arguments(*c);
                finish(c);
                e = c;
            } else if (isOp("[")) {
                const PyToken& open = next();
                auto s = make(PyExpr::Kind::Subscript, open);
                s->object = e;
                s->begin = e->begin;
                if (isOp(":") || isOp("]")) {
                    while (!isOp("]") && peek().kind != Kind::End)
                        ++m_i;
                } else {
                    s->items.push_back(expressionList());
                    while (!isOp("]") && peek().kind != Kind::End && peek().kind != Kind::Newline)
                        ++m_i; // slices
                }
                expectOp("]");
                finish(s);
                e = s;
            } else {
                return e;
            }
        }
    }

    void arguments(PyExpr& call)
    {
        while (!isOp(")")) {
            if (isOp("*") || isOp("**")) {
                const PyToken& at = next();
                auto other = make(PyExpr::Kind::Other, at);
                other->text = "argument unpacking";
                expression();
                finish(other);
                call.items.push_back(other);
            } else if (peek().kind == Kind::Name && isOp("=", 1)) {
                std::string key = next().text;
                ++m_i;
                call.keywords.emplace_back(std::move(key), expression());
            } else {
                PyExprPtr arg = expression();
                if (isName("for")) { // a generator expression
                    auto other = make(PyExpr::Kind::Other, peek());
                    other->text = "comprehension";
                    while (!isOp(")") && peek().kind != Kind::End)
                        ++m_i;
                    call.items.push_back(other);
                    break;
                }
                call.items.push_back(arg);
            }
            if (!isOp(","))
                break;
            ++m_i;
        }
        expectOp(")");
    }

    PyExprPtr atom()
    {
        const PyToken& t = peek();
        switch (t.kind) {
        case Kind::Name: {
            ++m_i;
            if (t.text == "True" || t.text == "False" || t.text == "None") {
                auto c = make(PyExpr::Kind::Constant, t);
                c->text = t.text;
                return c;
            }
            auto n = make(PyExpr::Kind::Name, t);
            n->text = t.text;
            return n;
        }
        case Kind::Number: {
            ++m_i;
            auto n = make(PyExpr::Kind::Number, t);
            n->text = t.text;
            return n;
        }
        case Kind::String: {
            auto s = make(PyExpr::Kind::String, t);
            while (peek().kind == Kind::String) { // "a" "b" concatenates
                s->text += peek().text;
                s->fstring = s->fstring || peek().fstring;
                ++m_i;
            }
            finish(s);
            return s;
        }
        case Kind::Shell: {
            ++m_i;
            auto s = make(PyExpr::Kind::Shell, t);
            s->text = t.text;
            return s;
        }
        case Kind::Op:
            if (t.text == "(" || t.text == "[")
                return bracket(t.text == "(" ? ")" : "]");
            if (t.text == "{") {
                auto other = make(PyExpr::Kind::Other, t);
                other->text = "dict or set";
                skipBalanced();
                finish(other);
                return other;
            }
            if (t.text == "...") {
                ++m_i;
                auto c = make(PyExpr::Kind::Constant, t);
                c->text = "Ellipsis";
                return c;
            }
            break;
        default:
            break;
        }
        failHere("an expression");
    }

    /// `( ... )` or `[ ... ]`: a parenthesised expression, a tuple, a list or a comprehension.
    PyExprPtr bracket(const char* close)
    {
        const PyToken& open = next();
        const bool list = open.text == "[";
        auto seq = make(list ? PyExpr::Kind::List : PyExpr::Kind::Tuple, open);
        bool sawComma = false;
        while (!isOp(close)) {
            PyExprPtr item = expression();
            if (isName("for")) {
                auto other = make(PyExpr::Kind::Other, open);
                other->text = "comprehension";
                while (!isOp(close) && peek().kind != Kind::End)
                    ++m_i;
                expectOp(close);
                finish(other);
                return other;
            }
            seq->items.push_back(item);
            if (!isOp(","))
                break;
            sawComma = true;
            ++m_i;
        }
        expectOp(close);
        finish(seq);
        if (!list && !sawComma && seq->items.size() == 1)
            return seq->items[0]; // parentheses only group
        return seq;
    }

    void skipBalanced()
    {
        int depth = 0;
        do {
            if (peek().kind == Kind::End)
                failHere("a closing bracket");
            if (isOp("(") || isOp("[") || isOp("{"))
                ++depth;
            if (isOp(")") || isOp("]") || isOp("}"))
                --depth;
            ++m_i;
        } while (depth > 0);
    }

    std::vector<PyToken> m_t;
    std::size_t m_i = 0;
    int m_depth = 0;
};

} // namespace

PyModule parsePython(const std::string& code) { return Parser(tokenizePython(code)).run(); }

} // namespace tidemark::pyspark
