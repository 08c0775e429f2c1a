#include "cli/workbook_writer.hpp"

#include "cli/messages.hpp"
#include "cli/office_process.hpp"
#include "cli/process.hpp"
#include "cli/safe_files.hpp"
#include "cli/stored_copy.hpp"
#include "cli/uno_client.hpp"
#include "cli/watchdog.hpp"
#include "uno/base/ustring.hpp"

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XDatabaseRange.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XUnnamedDatabaseRanges.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableChart.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <osl/file.hxx>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace jixiao::cli {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using office::fromUtf8;
using office::OUString;

namespace {

// A workbook of a province's reports is a few megabytes; this only bounds what we read back from the office.
constexpr std::uint64_t kMaxWorkbookBytes = std::uint64_t{1} << 30;

Reference<css::beans::XPropertySet> props(const Reference<css::uno::XInterface>& object) {
    return {object, UNO_QUERY_THROW};
}

const char* formatCode(NumberStyle style) {
    switch (style) {
    case NumberStyle::Count:
    case NumberStyle::Year:
        return "0";
    case NumberStyle::Score:
        return "0.00";
    case NumberStyle::Money:
        return "#,##0.00";
    case NumberStyle::Percent:
        return "0.00%";
    }
    return "General";
}

// The number format keys of the document, one per style (added when the locale has none).
std::map<NumberStyle, sal_Int32> numberFormats(const Reference<css::frame::XModel>& model) {
    const auto formats =
        Reference<css::util::XNumberFormatsSupplier>(model, UNO_QUERY_THROW)->getNumberFormats();
    const css::lang::Locale locale; // the document's default
    std::map<NumberStyle, sal_Int32> keys;
    for (const auto style : {NumberStyle::Count, NumberStyle::Year, NumberStyle::Score, NumberStyle::Money,
                             NumberStyle::Percent}) {
        const OUString code = OUString::createFromAscii(formatCode(style));
        sal_Int32 key = formats->queryKey(code, locale, false);
        if (key < 0)
            key = formats->addNew(code, locale);
        keys[style] = key;
    }
    return keys;
}

double toDouble(const std::string& decimal) {
    double value = 0;
    std::from_chars(decimal.data(), decimal.data() + decimal.size(), value);
    return value;
}

Reference<css::sheet::XSpreadsheet> sheetAt(const Reference<css::frame::XModel>& model,
                                            const SummaryWorkbook& book, std::size_t index) {
    const auto sheets = Reference<css::sheet::XSpreadsheetDocument>(model, UNO_QUERY_THROW)->getSheets();
    const Reference<css::container::XIndexAccess> byIndex(sheets, UNO_QUERY_THROW);
    while (static_cast<std::size_t>(byIndex->getCount()) <= index)
        sheets->insertNewByName(fromUtf8(book.sheets[static_cast<std::size_t>(byIndex->getCount())].name),
                                static_cast<sal_Int16>(byIndex->getCount()));
    Reference<css::sheet::XSpreadsheet> sheet(byIndex->getByIndex(static_cast<sal_Int32>(index)),
                                              UNO_QUERY_THROW);
    Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->setName(fromUtf8(book.sheets[index].name));
    return sheet;
}

// Values in one call (setDataArray: numbers as numbers, text as text, "" leaves a cell empty); then each
// number cell's format, the header in bold, hyperlinks as URL fields, and columns at their optimal width.
void fillSheet(const Reference<css::frame::XModel>& model, const Reference<css::sheet::XSpreadsheet>& sheet,
               const WorkbookSheet& content, const std::map<NumberStyle, sal_Int32>& formats) {
    if (content.rows.empty())
        return;
    const auto width = static_cast<sal_Int32>(content.rows.front().size());
    const auto height = static_cast<sal_Int32>(content.rows.size());
    Sequence<Sequence<Any>> data(height);
    for (sal_Int32 r = 0; r < height; ++r) {
        Sequence<Any> line(width);
        const auto& row = content.rows[static_cast<std::size_t>(r)];
        for (sal_Int32 c = 0; c < width; ++c) {
            const WorkbookCell& cell = row[static_cast<std::size_t>(c)];
            line.getArray()[c] = cell.number ? Any(toDouble(*cell.number)) : Any(fromUtf8(cell.text));
        }
        data.getArray()[r] = line;
    }
    const auto all = sheet->getCellRangeByPosition(0, 0, width - 1, height - 1);
    Reference<css::sheet::XCellRangeData>(all, UNO_QUERY_THROW)->setDataArray(data);

    props(sheet->getCellRangeByPosition(0, 0, width - 1, 0))
        ->setPropertyValue("CharWeight", Any(css::awt::FontWeight::BOLD));
    const Reference<css::lang::XMultiServiceFactory> factory(model, UNO_QUERY_THROW);
    for (sal_Int32 r = 0; r < height; ++r)
        for (sal_Int32 c = 0; c < width; ++c) {
            const WorkbookCell& cell = content.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            if (cell.number)
                props(sheet->getCellByPosition(c, r))
                    ->setPropertyValue("NumberFormat", Any(formats.at(cell.style)));
            if (cell.link.empty())
                continue;
            OUString url;
            if (osl::FileBase::getFileURLFromSystemPath(fromUtf8(cell.link), url) != osl::FileBase::E_None)
                continue; // no link, the name stays as text
            const Reference<css::text::XTextContent> field(
                factory->createInstance("com.sun.star.text.TextField.URL"), UNO_QUERY_THROW);
            props(field)->setPropertyValue("URL", Any(url));
            props(field)->setPropertyValue("Representation", Any(fromUtf8(cell.text)));
            const Reference<css::text::XText> text(sheet->getCellByPosition(c, r), UNO_QUERY_THROW);
            text->setString(OUString());
            text->insertTextContent(
                Reference<css::text::XTextRange>(text->createTextCursor(), UNO_QUERY_THROW), field, false);
        }
    const auto columns = Reference<css::table::XColumnRowRange>(all, UNO_QUERY_THROW)->getColumns();
    for (sal_Int32 c = 0; c < width; ++c)
        props(Reference<css::uno::XInterface>(columns->getByIndex(c), UNO_QUERY_THROW))
            ->setPropertyValue("OptimalWidth", Any(true));

    if (content.autoFilter) {
        // The sheet's own (unnamed) database range: what xlsx and ods keep as the sheet's autofilter.
        const auto address =
            Reference<css::sheet::XCellRangeAddressable>(all, UNO_QUERY_THROW)->getRangeAddress();
        const Reference<css::sheet::XUnnamedDatabaseRanges> ranges(
            props(model)->getPropertyValue("UnnamedDatabaseRanges"), UNO_QUERY_THROW);
        ranges->setByTable(address);
        props(Reference<css::uno::XInterface>(ranges->getByTable(address.Sheet), UNO_QUERY_THROW))
            ->setPropertyValue("AutoFilter", Any(true));
    }
}

// Beside the tables, one under the other (16 × 9 cm each, in 1/100 mm), so neither hides a row of counts.
void addChart(const Reference<css::sheet::XSpreadsheet>& sheet, const WorkbookChart& chart, int index,
              sal_Int32 besideColumn) {
    css::table::CellRangeAddress range;
    range.Sheet = static_cast<sal_Int16>(chart.sheet);
    range.StartColumn = chart.labelColumn;
    range.EndColumn = chart.valueColumn;
    range.StartRow = chart.firstRow;
    range.EndRow = chart.lastRow;
    css::awt::Point corner;
    props(sheet->getCellByPosition(besideColumn, 0))->getPropertyValue("Position") >>= corner;
    const css::awt::Rectangle place(corner.X, corner.Y + index * 9500, 16000, 9000);
    const auto charts = Reference<css::table::XTableChartsSupplier>(sheet, UNO_QUERY_THROW)->getCharts();
    const OUString name = fromUtf8(chart.name);
    charts->addNewByName(name, place, office::sequenceOf(range), true, true);
    const Reference<css::document::XEmbeddedObjectSupplier> embedded(charts->getByName(name),
                                                                     UNO_QUERY_THROW);
    const Reference<css::chart::XChartDocument> document(embedded->getEmbeddedObject(), UNO_QUERY_THROW);
    props(document)->setPropertyValue("HasMainTitle", Any(true));
    props(document->getTitle())->setPropertyValue("String", Any(fromUtf8(chart.title)));
    props(document)->setPropertyValue("HasLegend", Any(false));
}

// The header row stays in view while scrolling: the view's split, kept by xlsx and ods alike.
void freezeHeaders(const Reference<css::frame::XModel>& model, const SummaryWorkbook& book) {
    const Reference<css::sheet::XSpreadsheetView> view(model->getCurrentController(), UNO_QUERY_THROW);
    for (std::size_t i = 0; i < book.sheets.size(); ++i)
        if (book.sheets[i].frozenHeader) {
            view->setActiveSheet(sheetAt(model, book, i));
            Reference<css::sheet::XViewFreezable>(view, UNO_QUERY_THROW)->freezeAtPosition(0, 1);
        }
    view->setActiveSheet(sheetAt(model, book, 0));
}

} // namespace

void fillAndStoreWorkbook(const Reference<css::uno::XComponentContext>& office, const SummaryWorkbook& book,
                          Format format, const std::string& target) {
    // Not Hidden: a hidden frame's view has no size, and a header frozen there is not stored. Our office is
    // headless, so no window shows (one someone runs for --connect may show it while it is written).
    css::beans::PropertyValue hidden;
    hidden.Name = "Hidden";
    hidden.Value <<= false;
    const Reference<css::lang::XComponent> component =
        css::frame::Desktop::create(office)->loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                                  office::sequenceOf(hidden));
    const Reference<css::frame::XModel> model(component, UNO_QUERY_THROW);
    try {
        const auto formats = numberFormats(model);
        for (std::size_t i = 0; i < book.sheets.size(); ++i)
            fillSheet(model, sheetAt(model, book, i), book.sheets[i], formats);
        for (std::size_t i = 0; i < book.charts.size(); ++i) {
            const WorkbookSheet& data = book.sheets[book.charts[i].sheet];
            const auto beside = static_cast<sal_Int32>(data.rows.empty() ? 0 : data.rows.front().size() + 1);
            addChart(sheetAt(model, book, book.charts[i].sheet), book.charts[i], static_cast<int>(i), beside);
        }
        freezeHeaders(model, book);
        storeTo(model, format == Format::Ods ? "calc8" : "Calc MS Excel 2007 XML", target, true);
    } catch (...) {
        Reference<css::util::XCloseable>(component, UNO_QUERY_THROW)->close(true);
        throw;
    }
    Reference<css::util::XCloseable>(component, UNO_QUERY_THROW)->close(true);
}

namespace {

// The workbook the office stored in its own folder, read whole (bounded).
std::string takeBack(const std::string& written) {
    const RegularFile file = takeStaged(written);
    std::string bytes;
    if (file.size > kMaxWorkbookBytes) {
        ::close(file.fd);
        throw std::runtime_error(written + ": " + std::strerror(EFBIG));
    }
    bytes.resize(file.size);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(file.fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            const int error = n == 0 ? EIO : errno;
            if (n < 0 && error == EINTR)
                continue;
            ::close(file.fd);
            throw std::runtime_error(written + ": " + std::strerror(error));
        }
        done += static_cast<std::size_t>(n);
    }
    ::close(file.fd);
    return bytes;
}

} // namespace

std::string writeWorkbook(const SummaryWorkbook& book, Format type, const OfficeOptions& options,
                          const std::string& oxt, const std::string& output,
                          const std::function<bool(const std::string& bytes)>& deliver) {
    OfficeProcess office(options, oxt, 0);
    try {
        office.start();
    } catch (const std::exception& e) {
        return e.what();
    }
    // A hung office is killed after the time limit (longer for a long list); the pending call then fails.
    std::size_t cells = 0;
    for (const auto& sheet : book.sheets)
        cells += sheet.rows.size() * (sheet.rows.empty() ? 0 : sheet.rows.front().size());
    const auto limit = std::chrono::seconds(options.timeoutSeconds) * static_cast<long>(1 + cells / 20000);
    Watchdog watchdog(limit, [&office] { office.kill(); });
    std::string problem;
    const std::string written = office.outputPath(type == Format::Ods ? ".ods" : ".xlsx", output);
    try {
        fillAndStoreWorkbook(office.context(), book, type, written);
        if (written != output && !deliver(takeBack(written)))
            problem = format(Msg::WriteFailed, output + ": " + std::strerror(errno));
    } catch (...) {
        problem = currentExceptionMessage();
    }
    if (watchdog.stop())
        problem = format(Msg::BuildTimeout, std::to_string(limit.count()));
    return problem;
}

} // namespace jixiao::cli
