// SPDX-License-Identifier: GPL-3.0-or-later
// A Tidemark window that a test edits from outside and then kills: `autosave_editor FILE` opens
// FILE (relative to its current folder, as from a terminal), prints "ready", and for every line
// "edit" on its standard input makes the next scripted edit and prints "edited N". Nothing else
// is special: the window autosaves as it always does. tst_autosave runs it.
#include "ScriptedEdit.h"
#include "ui/MainWindow.h"
#include "ui/files/FileController.h"

#include <QApplication>

#include <iostream>
#include <string>
#include <thread>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TidemarkTest"));
    QApplication::setApplicationName(QStringLiteral("tst_autosave"));
    if (argc != 2) {
        std::cerr << "usage: autosave_editor FILE\n";
        return 1;
    }
    tidemark::ui::MainWindow window;
    if (!window.files()->openFile(QString::fromLocal8Bit(argv[1]))) {
        std::cerr << window.files()->lastError().toStdString() << '\n';
        return 2;
    }
    window.show();
    int edits = 0;
    // Standard input is read on its own thread; each edit is made on the window's.
    std::thread([&window, &edits] {
        for (std::string line; std::getline(std::cin, line);)
            if (line == "edit")
                QMetaObject::invokeMethod(&window, [&window, &edits] {
                    tidemark::test::scriptedEdit(*window.document(), ++edits);
                    std::cout << "edited " << edits << std::endl;
                });
        QMetaObject::invokeMethod(qApp, [] { QCoreApplication::exit(0); }); // not quit(): the window would ask about its edits
    }).detach();
    std::cout << "ready" << std::endl;
    return QApplication::exec();
}
