// SPDX-License-Identifier: GPL-3.0-or-later
// The Korean translation is complete: lupdate (Qt 6) runs over the window's sources into a copy
// of resources/translations/tidemark_ko.ts, with the options `update_translations` uses, and every
// message must come out translated. A new English string, a text gone from the code, an empty
// translation or a lost %1 fails here, before it can ship.
#include <QtTest>

#include <QTranslator>
#include <QXmlStreamReader>

namespace {

const QString kTsFile = QStringLiteral(TIDEMARK_TS_FILE);

struct Message {
    QString context, source, type;
    QStringList translations; ///< one, or one per numerus form
    bool numerus = false;
};

/// lupdate over the window's sources (and `extraSources`) into a copy of the Korean file.
QString updatedCopy(QTemporaryDir& dir, const QStringList& extraSources = {})
{
    const QString ts = dir.filePath(QStringLiteral("tidemark_ko.ts"));
    if (!QFile::copy(kTsFile, ts))
        return {};
    QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
    QStringList args{QLatin1Char('@') + QStringLiteral(TIDEMARK_TR_SOURCES_LIST)};
    args << extraSources;
    // Without -no-obsolete: a text gone from the code shows as "vanished" instead of leaving.
    args << QStringLiteral(TIDEMARK_LUPDATE_OPTIONS).split(QLatin1Char('|'), Qt::SkipEmptyParts);
    args << QStringLiteral("-ts") << ts;
    QProcess lupdate;
    lupdate.start(QStringLiteral(TIDEMARK_LUPDATE), args);
    if (!lupdate.waitForFinished(120000) || lupdate.exitCode() != 0) {
        qWarning().noquote() << lupdate.readAllStandardError();
        return {};
    }
    return ts;
}

QList<Message> readTs(const QString& path)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name"))
            context = xml.readElementText();
        else if (name == QLatin1String("message")) {
            m = Message{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (name == QLatin1String("source"))
            m.source = xml.readElementText();
        else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!m.numerus)
                m.translations << xml.readElementText();
            else {
                while (xml.readNextStartElement())
                    m.translations << xml.readElementText();
            }
            out << m;
        }
    }
    return out;
}

/// The %1..%9 (and %n) a text uses, each once.
QSet<QString> placeholders(const QString& text)
{
    QSet<QString> out;
    static const QRegularExpression re(QStringLiteral("%([1-9n])"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

/// What is wrong with the file's messages, one line each ("unfinished: MainWindow: &File").
QStringList problems(const QList<Message>& messages)
{
    QStringList out;
    for (const Message& m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source;
        if (!m.type.isEmpty()) {
            out << m.type + QStringLiteral(": ") + where; // unfinished, vanished, obsolete
            continue;
        }
        if (m.translations.isEmpty() || std::any_of(m.translations.begin(), m.translations.end(), [](const QString& t) { return t.trimmed().isEmpty(); })) {
            out << QStringLiteral("empty: ") + where;
            continue;
        }
        for (const QString& t : m.translations)
            if (placeholders(t) != placeholders(m.source))
                out << QStringLiteral("placeholders differ: ") + where + QStringLiteral(" → ") + t;
    }
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void koreanIsComplete();
    void aNewEnglishTextFailsTheCheck();
    void compiledTranslationIsEmbedded();
};

void TestTranslations::koreanIsComplete()
{
    QTemporaryDir dir;
    const QString ts = updatedCopy(dir);
    QVERIFY2(!ts.isEmpty(), "lupdate failed");
    const QList<Message> messages = readTs(ts);
    QVERIFY2(messages.size() > 300, qPrintable(QString::number(messages.size())));
    const QStringList wrong = problems(messages);
    QVERIFY2(wrong.isEmpty(), qPrintable(QStringLiteral("resources/translations/tidemark_ko.ts is not complete; run "
                                                        "`cmake --build build --target update_translations`, translate, and see "
                                                        "docs/translations.md:\n")
                                         + wrong.join(QLatin1Char('\n'))));
}

void TestTranslations::aNewEnglishTextFailsTheCheck()
{
    // The check itself can fail: a source with one more tr() string makes one unfinished message.
    QTemporaryDir dir;
    const QString extra = dir.filePath(QStringLiteral("Extra.cpp"));
    QFile f(extra);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#include <QObject>\nQString f() { return QObject::tr(\"A text nobody has translated\"); }\n");
    f.close();
    const QString ts = updatedCopy(dir, {extra});
    QVERIFY(!ts.isEmpty());
    const QStringList wrong = problems(readTs(ts));
    QCOMPARE(wrong, QStringList{QStringLiteral("unfinished: QObject: A text nobody has translated")});
}

void TestTranslations::compiledTranslationIsEmbedded()
{
    QTranslator t;
    QVERIFY(t.load(QStringLiteral(":/i18n/tidemark_ko.qm")));
    QCOMPARE(t.translate("tidemark::ui::MainWindow", "&File"), QStringLiteral("파일(&F)"));
    QCOMPARE(t.translate("Explain", "Passed to the sink."), QStringLiteral("싱크로 전달되었습니다."));
    // A count (%n) has one form in Korean, whatever the number.
    QVERIFY(QCoreApplication::installTranslator(&t));
    for (int n : {1, 3})
        QCOMPARE(QCoreApplication::translate("tidemark::ui::OutputModeColumn", "<b>Result table</b> — %n row(s)", nullptr, n),
                 QStringLiteral("<b>결과 테이블</b> — %1행").arg(n));
    QCoreApplication::removeTranslator(&t);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
