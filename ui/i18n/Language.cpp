// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/i18n/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <cstring>
#include <memory>

namespace tidemark::ui {

namespace {

const QString kSettingsKey = QStringLiteral("language");

/// A class's tr() asks for its context by full name ("tidemark::ui::MainWindow"). lupdate writes
/// that name only when it finds the class's header; otherwise it writes the bare class name
/// ("MainWindow"). Look the text up under the full name, then under the bare one.
class TidemarkTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;
    QString translate(const char* context, const char* sourceText, const char* disambiguation, int n) const override
    {
        QString text = QTranslator::translate(context, sourceText, disambiguation, n);
        if (text.isNull() && context)
            if (const char* colon = std::strrchr(context, ':'))
                text = QTranslator::translate(colon + 1, sourceText, disambiguation, n);
        return text;
    }
};

struct Installed {
    Language language = Language::English;
    std::unique_ptr<QTranslator> ours;
    std::unique_ptr<QTranslator> qt; ///< Qt's own (dialog buttons; package qt6-translations-l10n), when installed
};

Installed& installed()
{
    static Installed state;
    return state;
}

} // namespace

QString languageCode(Language language) { return language == Language::Korean ? QStringLiteral("ko") : QStringLiteral("en"); }

std::optional<Language> languageFromCode(const QString& code)
{
    const QString lang = code.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
    if (lang == QLatin1String("ko"))
        return Language::Korean;
    if (lang == QLatin1String("en"))
        return Language::English;
    return std::nullopt;
}

Language preferredLanguage()
{
    if (const auto saved = languageFromCode(QSettings().value(kSettingsKey).toString()))
        return *saved;
    return QLocale::system().language() == QLocale::Korean ? Language::Korean : Language::English;
}

void setLanguage(Language language, bool remember)
{
    if (remember)
        QSettings().setValue(kSettingsKey, languageCode(language));
    Installed& state = installed();
    if (state.language == language && (language == Language::English || state.ours))
        return;
    for (auto* old : {state.ours.get(), state.qt.get()})
        if (old)
            QCoreApplication::removeTranslator(old);
    state.ours.reset();
    state.qt.reset();
    state.language = language;
    if (language == Language::English) {
        // removeTranslator() already told every widget; with nothing to remove, tell them here.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
        return;
    }
    auto ours = std::make_unique<TidemarkTranslator>();
    if (ours->load(QStringLiteral(":/i18n/tidemark_ko.qm"))) {
        QCoreApplication::installTranslator(ours.get());
        state.ours = std::move(ours);
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(QLocale::Korean), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        state.qt = std::move(qt);
    }
}

Language currentLanguage() { return installed().language; }

} // namespace tidemark::ui
