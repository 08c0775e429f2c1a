"""What a Writer document's tables and body hold, for tests that compare a document before a change and after its
undo: every property of every cell of a table and of the paragraphs in it, and the body's elements in order."""


def comparable(value):
    """A property value as something == can compare: structs and plain values by their repr, an object by what it
    holds (a container's names) or what it is, never by its address."""
    if hasattr(value, "getElementNames"):
        return ("names", tuple(sorted(value.getElementNames())))
    if hasattr(value, "queryInterface"):
        return ("object", getattr(value, "ImplementationName", type(value).__name__))
    return repr(value)


def property_values(item):
    names = tuple(prop.Name for prop in item.getPropertySetInfo().getProperties())
    try:  # one call for all (a cell holds ~100 properties, a paragraph ~200), where the item allows it
        return dict(zip(names, (comparable(value) for value in item.getPropertyValues(names))))
    except Exception:  # some property cannot be read: one by one, below
        pass
    values = {}
    for prop in item.getPropertySetInfo().getProperties():
        try:
            values[prop.Name] = comparable(item.getPropertyValue(prop.Name))
        except Exception as e:  # a property some items cannot give: the same failure before and after
            values[prop.Name] = ("unreadable", type(e).__name__)
    return values


def cell_state(table):
    """Every property of every cell of `table`, and of every paragraph in it, with its text."""
    state = {}
    for name in table.getCellNames():
        cell = table.getCellByName(name)
        state[name] = property_values(cell)
        paragraphs = cell.createEnumeration()
        index = 0
        while paragraphs.hasMoreElements():
            paragraph = paragraphs.nextElement()
            state[(name, index)] = (paragraph.getString(), property_values(paragraph))
            index += 1
    return state


def body_items(doc):
    """The body text's own elements in order: ("table", name) or ("p", text)."""
    items = doc.Text.createEnumeration()
    result = []
    while items.hasMoreElements():
        item = items.nextElement()
        if item.supportsService("com.sun.star.text.TextTable"):
            result.append(("table", item.getName()))
        else:
            result.append(("p", item.getString()))
    return result


def differences(before, after):
    keys = set(before) | set(after)
    return sorted((str(k), before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k))[:10]
