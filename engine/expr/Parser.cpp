// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/expr/Parser.h"

#include "engine/time/Interval.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

namespace tidemark {

namespace {

struct Token {
    enum class Kind { Ident, QuotedIdent, Number, String, Symbol, End } kind = Kind::End;
    std::string text; ///< identifier / symbol / number text, or the unescaped string
    std::size_t pos = 0;
    std::string raw; ///< as written, for error messages
};

struct LexFailure {
    std::size_t pos;
    std::string token;
};

std::variant<std::vector<Token>, LexFailure> lex(std::string_view s)
{
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isspace(c)) {
            ++i;
            continue;
        }
        Token t;
        t.pos = i;
        if (std::isalpha(c) || c == '_' || c >= 0x80) {
            size_t j = i;
            while (j < s.size()) {
                const unsigned char d = static_cast<unsigned char>(s[j]);
                if (!(std::isalnum(d) || d == '_' || d >= 0x80))
                    break;
                ++j;
            }
            t.kind = Token::Kind::Ident;
            t.text = std::string(s.substr(i, j - i));
            t.raw = t.text;
            i = j;
        } else if (std::isdigit(c) || (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            size_t j = i;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                ++j;
            if (j < s.size() && s[j] == '.') {
                ++j;
                while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                    ++j;
            }
            if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
                size_t k = j + 1;
                if (k < s.size() && (s[k] == '+' || s[k] == '-'))
                    ++k;
                if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
                    j = k;
                    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                        ++j;
                }
            }
            // Spark's typed numeric suffixes: 10L, 1.5D
            if (j < s.size() && (s[j] == 'L' || s[j] == 'l' || s[j] == 'D' || s[j] == 'd'))
                ++j;
            t.kind = Token::Kind::Number;
            t.text = std::string(s.substr(i, j - i));
            t.raw = t.text;
            i = j;
        } else if (c == '\'' || c == '"') {
            const char quote = static_cast<char>(c);
            size_t j = i + 1;
            std::string value;
            bool closed = false;
            while (j < s.size()) {
                if (s[j] == '\\' && j + 1 < s.size()) {
                    const char e = s[j + 1];
                    switch (e) {
                    case 'n': value += '\n'; break;
                    case 't': value += '\t'; break;
                    case '\\': value += '\\'; break;
                    case '\'': value += '\''; break;
                    case '"': value += '"'; break;
                    // Spark keeps unknown escapes as the character itself, except regex classes
                    // such as \s, which must reach split() intact.
                    default:
                        value += '\\';
                        value += e;
                        break;
                    }
                    j += 2;
                    continue;
                }
                if (s[j] == quote) {
                    if (j + 1 < s.size() && s[j + 1] == quote) {
                        value += quote;
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                value += s[j++];
            }
            if (!closed)
                return LexFailure{i, std::string(s.substr(i))};
            t.kind = Token::Kind::String;
            t.text = value;
            t.raw = std::string(s.substr(i, j - i));
            i = j;
        } else if (c == '`') {
            const size_t close = s.find('`', i + 1);
            if (close == std::string_view::npos)
                return LexFailure{i, std::string(s.substr(i))};
            t.kind = Token::Kind::QuotedIdent;
            t.text = std::string(s.substr(i + 1, close - i - 1));
            t.raw = std::string(s.substr(i, close - i + 1));
            i = close + 1;
        } else {
            static constexpr std::string_view kTwo[] = {"<=", ">=", "<>", "!=", "==", "||", "<=>"};
            std::string sym;
            if (s.substr(i, 3) == "<=>")
                sym = "<=>";
            else
                for (auto two : kTwo)
                    if (two.size() == 2 && s.substr(i, 2) == two) {
                        sym = std::string(two);
                        break;
                    }
            if (sym.empty()) {
                if (std::string_view("+-*/%=<>(),.").find(static_cast<char>(c)) == std::string_view::npos)
                    return LexFailure{i, std::string(1, static_cast<char>(c))};
                sym = std::string(1, static_cast<char>(c));
            }
            t.kind = Token::Kind::Symbol;
            t.text = sym;
            t.raw = sym;
            i += sym.size();
        }
        out.push_back(std::move(t));
    }
    Token end;
    end.kind = Token::Kind::End;
    end.pos = s.size();
    end.raw = "<EOF>";
    out.push_back(end);
    return out;
}

bool isKeyword(const Token& t, std::string_view kw)
{
    if (t.kind != Token::Kind::Ident || t.text.size() != kw.size())
        return false;
    for (size_t i = 0; i < kw.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(t.text[i])) != kw[i])
            return false;
    return true;
}

/// Words that end an expression or may not start an operand.
bool isReserved(const Token& t)
{
    static constexpr std::string_view kWords[] = {"AND", "OR", "NOT", "AS", "BETWEEN", "IN", "IS", "FROM", "WHERE"};
    for (auto w : kWords)
        if (isKeyword(t, w))
            return true;
    return false;
}

/// The words of CASE ... WHEN ... THEN ... ELSE ... END: they end an operand, an alias or an
/// interval unit, but (as in Spark, where they are not reserved) a column may still bear the name.
bool isCaseWord(const Token& t)
{
    return isKeyword(t, "WHEN") || isKeyword(t, "THEN") || isKeyword(t, "ELSE") || isKeyword(t, "END");
}

/// Words after which an alias or an interval unit cannot follow.
bool endsOperand(const Token& t) { return isReserved(t) || isCaseWord(t); }

struct Failure {
    ParseFailure failure;
};

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_t(std::move(tokens)) {}

    AstPtr expression()
    {
        const Nesting nest(*this);
        if (++m_parentheses > kMaxParenthesesDepth)
            failTooDeep(peek().pos);
        AstPtr e = orExpr();
        --m_parentheses;
        return e;
    }

    SelectItem selectItem()
    {
        SelectItem item;
        if (peek().kind == Token::Kind::Symbol && peek().text == "*" && m_t[m_i + 1].kind == Token::Kind::End) {
            auto star = std::make_shared<Ast>();
            star->kind = Ast::Kind::Star;
            star->pos = peek().pos;
            ++m_i;
            item.expr = star;
            return item;
        }
        item.expr = expression();
        if (isKeyword(peek(), "AS")) {
            ++m_i;
            const Token& name = peek();
            if (name.kind != Token::Kind::Ident && name.kind != Token::Kind::QuotedIdent)
                fail(name, "an alias after AS");
            item.alias = name.text;
            item.aliasPos = name.pos;
            ++m_i;
        } else if ((peek().kind == Token::Kind::Ident && !endsOperand(peek())) || peek().kind == Token::Kind::QuotedIdent) {
            item.alias = peek().text;
            item.aliasPos = peek().pos;
            ++m_i;
        }
        return item;
    }

    void expectEnd()
    {
        if (peek().kind != Token::Kind::End)
            fail(peek(), "<EOF>");
    }

private:
    /// Counts one level of the parser's recursion (a parenthesis, a NOT, a unary sign, a
    /// function's argument), so that no input can recurse past kMaxExpressionDepth.
    class Nesting {
    public:
        explicit Nesting(Parser& p) : m_p(p)
        {
            if (++m_p.m_nesting > kMaxExpressionDepth)
                m_p.failTooDeep(m_p.peek().pos);
        }
        ~Nesting() { --m_p.m_nesting; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;

    private:
        Parser& m_p;
    };

    [[noreturn]] void failTooDeep(size_t pos)
    {
        ParseFailure f{pos, "", "", true};
        throw Failure{f};
    }

    /// Sets a new node's depth from its children; chains such as a + a + ... + a are built by a
    /// loop, not by recursion, so their depth is checked here.
    AstPtr deepen(std::shared_ptr<Ast> node)
    {
        size_t deepest = 0;
        for (const auto& a : node->args)
            deepest = std::max(deepest, a->depth);
        node->depth = deepest + 1;
        if (node->depth > kMaxExpressionDepth)
            failTooDeep(m_i > 0 ? m_t[m_i - 1].pos : node->pos);
        return node;
    }

    const Token& peek() const { return m_t[m_i]; }
    bool symbol(std::string_view s)
    {
        if (peek().kind == Token::Kind::Symbol && peek().text == s) {
            ++m_i;
            return true;
        }
        return false;
    }
    bool keyword(std::string_view kw)
    {
        if (isKeyword(peek(), kw)) {
            ++m_i;
            return true;
        }
        return false;
    }
    [[noreturn]] void fail(const Token& t, std::string expected) { throw Failure{{t.pos, t.raw, std::move(expected)}}; }
    void expectSymbol(std::string_view s)
    {
        if (!symbol(s))
            fail(peek(), "'" + std::string(s) + "'");
    }

    AstPtr make(Ast::Kind k, size_t pos, std::string op, std::vector<AstPtr> args)
    {
        auto a = std::make_shared<Ast>();
        a->kind = k;
        a->pos = pos;
        a->op = std::move(op);
        a->args = std::move(args);
        return deepen(std::move(a));
    }

    AstPtr orExpr()
    {
        AstPtr left = andExpr();
        while (isKeyword(peek(), "OR")) {
            ++m_i;
            left = make(Ast::Kind::Binary, left->pos, "OR", {left, andExpr()});
        }
        return left;
    }
    AstPtr andExpr()
    {
        AstPtr left = notExpr();
        while (isKeyword(peek(), "AND")) {
            ++m_i;
            left = make(Ast::Kind::Binary, left->pos, "AND", {left, notExpr()});
        }
        return left;
    }
    AstPtr notExpr()
    {
        if (isKeyword(peek(), "NOT") || (peek().kind == Token::Kind::Symbol && peek().text == "!")) {
            const size_t pos = peek().pos;
            const Nesting nest(*this);
            ++m_i;
            return make(Ast::Kind::Unary, pos, "NOT", {notExpr()});
        }
        return predicate();
    }
    AstPtr predicate()
    {
        AstPtr left = additive();
        for (;;) {
            const Token& t = peek();
            if (t.kind == Token::Kind::Symbol
                && (t.text == "=" || t.text == "==" || t.text == "!=" || t.text == "<>" || t.text == "<" || t.text == "<="
                    || t.text == ">" || t.text == ">=" || t.text == "<=>")) {
                std::string op = t.text == "==" ? "=" : (t.text == "<>" ? "!=" : t.text);
                ++m_i;
                left = make(Ast::Kind::Binary, left->pos, op, {left, additive()});
                continue;
            }
            bool negated = false;
            const size_t save = m_i;
            if (isKeyword(t, "NOT")) {
                negated = true;
                ++m_i;
            }
            if (keyword("BETWEEN")) {
                AstPtr low = additive();
                if (!keyword("AND"))
                    fail(peek(), "AND");
                AstPtr high = additive();
                auto node = make(Ast::Kind::Between, left->pos, "", {left, low, high});
                std::const_pointer_cast<Ast>(node)->negated = negated;
                left = node;
                continue;
            }
            if (keyword("IN")) {
                expectSymbol("(");
                std::vector<AstPtr> args{left};
                do {
                    args.push_back(additive());
                } while (symbol(","));
                expectSymbol(")");
                auto node = make(Ast::Kind::In, left->pos, "", std::move(args));
                std::const_pointer_cast<Ast>(node)->negated = negated;
                left = node;
                continue;
            }
            if (negated) {
                m_i = save;
                return left;
            }
            if (keyword("IS")) {
                const bool isNot = keyword("NOT");
                if (!keyword("NULL"))
                    fail(peek(), "NULL");
                auto node = make(Ast::Kind::IsNull, left->pos, "", {left});
                std::const_pointer_cast<Ast>(node)->negated = isNot;
                left = node;
                continue;
            }
            return left;
        }
    }
    AstPtr additive()
    {
        AstPtr left = multiplicative();
        for (;;) {
            const Token& t = peek();
            if (t.kind == Token::Kind::Symbol && (t.text == "+" || t.text == "-" || t.text == "||")) {
                std::string op = t.text;
                ++m_i;
                AstPtr right = multiplicative();
                if (op == "||") {
                    auto call = make(Ast::Kind::Call, left->pos, "", {left, right});
                    std::const_pointer_cast<Ast>(call)->name = "concat";
                    left = call;
                } else {
                    left = make(Ast::Kind::Binary, left->pos, op, {left, right});
                }
                continue;
            }
            return left;
        }
    }
    AstPtr multiplicative()
    {
        AstPtr left = unary();
        for (;;) {
            const Token& t = peek();
            if (t.kind == Token::Kind::Symbol && (t.text == "*" || t.text == "/" || t.text == "%")) {
                std::string op = t.text;
                ++m_i;
                left = make(Ast::Kind::Binary, left->pos, op, {left, unary()});
                continue;
            }
            return left;
        }
    }
    AstPtr unary()
    {
        const Token& t = peek();
        if (t.kind == Token::Kind::Symbol && (t.text == "-" || t.text == "+")) {
            const size_t pos = t.pos;
            const bool minus = t.text == "-";
            const Nesting nest(*this);
            ++m_i;
            AstPtr operand = unary();
            if (!minus)
                return operand;
            if (operand->kind == Ast::Kind::Literal && (operand->literal.isInt() || operand->literal.isDouble())) {
                auto lit = std::make_shared<Ast>(*operand);
                lit->pos = pos;
                lit->literal = operand->literal.isInt() ? Value(-operand->literal.asInt()) : Value(-operand->literal.asDouble());
                return lit;
            }
            return make(Ast::Kind::Unary, pos, "-", {operand});
        }
        return primary();
    }

    AstPtr literal(size_t pos, Value v, DataType type)
    {
        auto a = std::make_shared<Ast>();
        a->kind = Ast::Kind::Literal;
        a->pos = pos;
        a->literal = std::move(v);
        a->literalType = type;
        return a;
    }

    AstPtr intervalLiteral()
    {
        const Token& start = peek();
        std::string text;
        bool unitToUnit = false;
        if (start.kind == Token::Kind::String) {
            text = start.text;
            ++m_i;
            // INTERVAL '1' HOUR form
            if (peek().kind == Token::Kind::Ident && !endsOperand(peek())) {
                text += " " + peek().text;
                ++m_i;
                // INTERVAL '1 02:03:04' DAY TO SECOND (AstBuilder.visitUnitToUnitInterval)
                if (isKeyword(peek(), "TO") && m_t[m_i + 1].kind == Token::Kind::Ident) {
                    text = "interval '" + start.text + "' " + m_t[m_i - 1].text + " to " + m_t[m_i + 1].text;
                    m_i += 2;
                    unitToUnit = true;
                }
            }
        } else {
            // INTERVAL 1 HOUR [30 MINUTES ...]
            while (peek().kind == Token::Kind::Number
                   || (peek().kind == Token::Kind::Symbol && peek().text == "-" && m_t[m_i + 1].kind == Token::Kind::Number)) {
                std::string number;
                if (peek().kind == Token::Kind::Symbol) {
                    number = "-";
                    ++m_i;
                }
                number += peek().text;
                ++m_i;
                if (peek().kind != Token::Kind::Ident || endsOperand(peek()))
                    fail(peek(), "an interval unit");
                text += (text.empty() ? "" : " ") + number + " " + peek().text;
                ++m_i;
            }
            if (text.empty())
                fail(peek(), "an interval value");
        }
        auto parsed = parseInterval(text, unitToUnit ? IntervalReader::AnyLiteral : IntervalReader::UnitList);
        if (!parsed.ok())
            fail(start, "a valid interval");
        auto a = std::make_shared<Ast>();
        a->kind = Ast::Kind::Literal;
        a->pos = start.pos;
        const auto micros = parsed->exactMicrosNoMonths();
        if (!micros)
            throw Failure{{start.pos, start.raw, "", false, true}};
        a->literal = Value(*micros);
        a->literalType = DataType(TypeId::Interval);
        if (parsed->months != 0)
            a->months = text;
        a->name = text;
        return a;
    }

    /// CASE [operand] WHEN a THEN b ... [ELSE c] END. The simple form compares the operand with
    /// each WHEN value (`operand = a`), as Spark's parser rewrites it into CaseWhen.
    AstPtr caseWhen(size_t pos)
    {
        const Nesting nest(*this);
        AstPtr operand;
        if (!isKeyword(peek(), "WHEN"))
            operand = expression();
        std::vector<AstPtr> args;
        while (isKeyword(peek(), "WHEN")) {
            ++m_i;
            AstPtr when = expression();
            if (operand)
                when = make(Ast::Kind::Binary, when->pos, "=", {operand, when});
            if (!keyword("THEN"))
                fail(peek(), "THEN");
            args.push_back(when);
            args.push_back(expression());
        }
        if (args.empty())
            fail(peek(), "WHEN");
        const bool hasElse = keyword("ELSE");
        if (hasElse)
            args.push_back(expression());
        if (!keyword("END"))
            fail(peek(), "END");
        auto node = make(Ast::Kind::Case, pos, "", std::move(args));
        std::const_pointer_cast<Ast>(node)->negated = hasElse;
        return node;
    }

    AstPtr primary()
    {
        const Token t = peek();
        switch (t.kind) {
        case Token::Kind::Number: {
            ++m_i;
            std::string text = t.text;
            const char suffix = static_cast<char>(std::toupper(static_cast<unsigned char>(text.back())));
            if (suffix == 'L' || suffix == 'D')
                text.pop_back();
            const bool isDouble = suffix == 'D' || text.find_first_of(".eE") != std::string::npos;
            if (isDouble)
                return literal(t.pos, Value(std::strtod(text.c_str(), nullptr)), DataType(TypeId::Double));
            std::int64_t v = 0;
            auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec != std::errc())
                return literal(t.pos, Value(std::strtod(text.c_str(), nullptr)), DataType(TypeId::Double));
            const bool fitsInt = v >= INT32_MIN && v <= INT32_MAX && suffix != 'L';
            return literal(t.pos, Value(v), DataType(fitsInt ? TypeId::Int : TypeId::Long));
        }
        case Token::Kind::String:
            ++m_i;
            return literal(t.pos, Value(t.text), DataType(TypeId::String));
        case Token::Kind::Symbol:
            if (t.text == "(") {
                ++m_i;
                AstPtr inner = expression();
                expectSymbol(")");
                return inner;
            }
            fail(t, "an expression");
        case Token::Kind::End:
            fail(t, "an expression");
        case Token::Kind::Ident:
        case Token::Kind::QuotedIdent:
            break;
        }
        if (t.kind == Token::Kind::Ident) {
            if (isKeyword(t, "NULL")) {
                ++m_i;
                return literal(t.pos, Value(), DataType(TypeId::Null));
            }
            if (isKeyword(t, "TRUE") || isKeyword(t, "FALSE")) {
                ++m_i;
                return literal(t.pos, Value(isKeyword(t, "TRUE")), DataType(TypeId::Boolean));
            }
            if (isKeyword(t, "INTERVAL")) {
                ++m_i;
                return intervalLiteral();
            }
            if (isKeyword(t, "TIMESTAMP") && m_t[m_i + 1].kind == Token::Kind::String) {
                ++m_i;
                const Token s = peek();
                ++m_i;
                auto a = std::make_shared<Ast>();
                a->kind = Ast::Kind::Cast;
                a->pos = t.pos;
                a->castType = DataType(TypeId::Timestamp);
                a->args.push_back(literal(s.pos, Value(s.text), DataType(TypeId::String)));
                return deepen(std::move(a));
            }
            if (isKeyword(t, "CASE") && !(m_t[m_i + 1].kind == Token::Kind::Symbol && m_t[m_i + 1].text == "(")) {
                ++m_i;
                return caseWhen(t.pos);
            }
            if (isKeyword(t, "CAST")) {
                ++m_i;
                expectSymbol("(");
                AstPtr operand = expression();
                if (!keyword("AS"))
                    fail(peek(), "AS");
                const Token typeTok = peek();
                if (typeTok.kind != Token::Kind::Ident)
                    fail(typeTok, "a type name");
                ++m_i;
                auto type = parseScenarioType(typeTok.text);
                if (!type) {
                    std::string upper;
                    for (char c : typeTok.text)
                        upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                    if (upper == "FLOAT" || upper == "REAL")
                        type = DataType(TypeId::Double);
                    else if (upper == "SMALLINT" || upper == "TINYINT" || upper == "SHORT" || upper == "BYTE")
                        type = DataType(TypeId::Int);
                    else
                        fail(typeTok, "a supported type (string, int, bigint, double, boolean, timestamp)");
                }
                expectSymbol(")");
                auto a = std::make_shared<Ast>();
                a->kind = Ast::Kind::Cast;
                a->pos = t.pos;
                a->castType = *type;
                a->args.push_back(operand);
                return deepen(std::move(a));
            }
            if (isReserved(t))
                fail(t, "an expression");
        }
        ++m_i;
        // function call
        if (t.kind == Token::Kind::Ident && peek().kind == Token::Kind::Symbol && peek().text == "(") {
            ++m_i;
            auto a = std::make_shared<Ast>();
            a->kind = Ast::Kind::Call;
            a->pos = t.pos;
            a->name = t.text;
            if (keyword("DISTINCT"))
                a->negated = true; // marks count(DISTINCT x): rejected by the analyzer as Spark does
            if (!symbol(")")) {
                do {
                    if (peek().kind == Token::Kind::Symbol && peek().text == "*") {
                        auto star = std::make_shared<Ast>();
                        star->kind = Ast::Kind::Star;
                        star->pos = peek().pos;
                        ++m_i;
                        a->args.push_back(star);
                    } else {
                        a->args.push_back(expression());
                    }
                } while (symbol(","));
                expectSymbol(")");
            }
            return deepen(std::move(a));
        }
        auto col = std::make_shared<Ast>();
        col->kind = Ast::Kind::Column;
        col->pos = t.pos;
        col->name = t.text;
        if (peek().kind == Token::Kind::Symbol && peek().text == ".") {
            ++m_i;
            const Token n = peek();
            if (n.kind != Token::Kind::Ident && n.kind != Token::Kind::QuotedIdent)
                fail(n, "a column name");
            ++m_i;
            col->qualifier = t.text;
            col->name = n.text;
        }
        return col;
    }

    std::vector<Token> m_t;
    size_t m_i = 0;
    size_t m_nesting = 0;
    size_t m_parentheses = 0; ///< open passes through expression(): the whole text, parentheses, calls
};

template <typename T, typename F>
std::variant<T, ParseFailure> run(std::string_view text, F&& body)
{
    auto lexed = lex(text);
    if (auto* f = std::get_if<LexFailure>(&lexed))
        return ParseFailure{f->pos, f->token, "a token"};
    Parser p(std::move(std::get<0>(lexed)));
    try {
        T result = body(p);
        p.expectEnd();
        return result;
    } catch (const Failure& f) {
        return f.failure;
    }
}

std::string literalText(const Ast& a)
{
    const Value& v = a.literal;
    if (v.isNull())
        return "NULL";
    if (v.isBool())
        return v.asBool() ? "true" : "false";
    if (a.literalType.id == TypeId::Interval)
        return "INTERVAL '" + a.name + "'";
    if (v.isInt())
        return std::to_string(v.asInt()) + (a.literalType.id == TypeId::Long ? "L" : "");
    if (v.isDouble()) {
        std::string s = std::to_string(v.asDouble());
        while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.')
            s.pop_back();
        return s;
    }
    if (v.isString())
        return v.asString();
    return "?";
}

} // namespace

std::variant<AstPtr, ParseFailure> parseExpression(std::string_view text)
{
    return run<AstPtr>(text, [](Parser& p) { return p.expression(); });
}

std::variant<SelectItem, ParseFailure> parseSelectItem(std::string_view text)
{
    return run<SelectItem>(text, [](Parser& p) { return p.selectItem(); });
}

std::string prettyName(const Ast& a)
{
    switch (a.kind) {
    case Ast::Kind::Literal: return literalText(a);
    case Ast::Kind::Column: return a.name;
    case Ast::Kind::Star: return "*";
    case Ast::Kind::Unary:
        return a.op == "NOT" ? "(NOT " + prettyName(*a.args[0]) + ")" : "(- " + prettyName(*a.args[0]) + ")";
    case Ast::Kind::Binary: return "(" + prettyName(*a.args[0]) + " " + a.op + " " + prettyName(*a.args[1]) + ")";
    case Ast::Kind::Between:
        return "(" + prettyName(*a.args[0]) + (a.negated ? " NOT" : "") + " BETWEEN " + prettyName(*a.args[1]) + " AND "
               + prettyName(*a.args[2]) + ")";
    case Ast::Kind::In: {
        std::string s = "(" + prettyName(*a.args[0]) + (a.negated ? " NOT IN (" : " IN (");
        for (size_t i = 1; i < a.args.size(); ++i)
            s += (i > 1 ? ", " : "") + prettyName(*a.args[i]);
        return s + "))";
    }
    case Ast::Kind::IsNull: return "(" + prettyName(*a.args[0]) + (a.negated ? " IS NOT NULL)" : " IS NULL)");
    case Ast::Kind::Cast: {
        std::string type = sparkTypeName(a.castType);
        for (char& c : type)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return "CAST(" + prettyName(*a.args[0]) + " AS " + type + ")";
    }
    case Ast::Kind::Case: {
        std::string s = "CASE";
        const size_t pairs = a.args.size() / 2;
        for (size_t i = 0; i < pairs; ++i)
            s += " WHEN " + prettyName(*a.args[2 * i]) + " THEN " + prettyName(*a.args[2 * i + 1]);
        if (a.negated)
            s += " ELSE " + prettyName(*a.args.back());
        return s + " END";
    }
    case Ast::Kind::Call: {
        std::string s = a.name + "(";
        for (size_t i = 0; i < a.args.size(); ++i)
            s += (i ? ", " : "") + prettyName(*a.args[i]);
        return s + ")";
    }
    }
    return "?";
}

} // namespace tidemark
