// A GUI test of the fixture: it opens two of its three scenarios by name.
void opensThem()
{
    open(QStringLiteral(":/scenarios/listed-and-tested.json"));
    open(QStringLiteral("not-listed.json"));
}
