// What Jixiao needs of a document, whatever the application: its tables as Grids, its paragraphs, and a
// way to insert tables and sections, write patches and select a place. WriterHost and CalcHost are the only
// implementations; everything above them is the same for both.
#pragma once

#include "core/derive/recompute.hpp"
#include "core/model/finding.hpp"
#include "core/model/grid.hpp"
#include "core/model/patch.hpp"
#include "core/read/grid_reader.hpp"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

// Declared only, so that the interface itself needs no UNO header: the table cache and its tests use it
// without the office's SDK (tests/unit/table_cache_test.cpp). The host factories below take UNO types.
namespace com::sun::star {
namespace uno {
template <class interface_type> class Reference;
class XComponentContext;
} // namespace uno
namespace frame {
class XModel;
} // namespace frame
} // namespace com::sun::star
namespace css = ::com::sun::star;

namespace jixiao::office {

enum class TableKind { Score, Funding };

// Thrown by writeSection when the cursor is where no section can go (a frame, a header, a nested table);
// Operations tells the user where it can go.
struct NoPlaceForSection : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class DocumentHost {
public:
    virtual ~DocumentHost() = default;

    virtual bool isCalc() const = 0;
    // Every table of the document that might be a scoring or funding table, read whole.
    virtual std::vector<Grid> readTables() = 0;
    virtual Grid readTable(const std::string& name) = 0;

    // Cheap re-reads for live recompute, which runs after every edit. A host without them (Calc, where one
    // getDataArray already reads a whole table cheaply) returns the "unknown" values and callers read
    // whole. The number of tables in the document; -1 when unknown.
    virtual int tableCount() { return -1; }
    // The named table's layout as a string that changes when its rows, columns or merges change; empty when
    // unknown or when the table is gone.
    virtual std::string tableLayout(const std::string& /*name*/) { return {}; }
    // Re-reads the texts of the given anchors of `grid` (read earlier from the table grid.name, with the
    // layout tableLayout still reports), in place. Returns false when it could not; `grid` is then stale.
    virtual bool refreshCells(Grid& /*grid*/, const std::vector<GridPosition>& /*cells*/) { return false; }
    // Inserts a new table at the cursor or selection; returns its name (Writer) or range (Calc).
    virtual std::string insertTable(const Grid& grid, const std::string& caption, TableKind kind) = 0;
    // Writes the patch into the named table; returns the number of cells written.
    virtual int applyPatch(const std::string& tableName, const Patch& patch) = 0;
    // The cells the applyPatch calls since the last take left as they were although their patch named them
    // (a Writer cell holding a comment that the write would delete), addressed as the patch addressed them.
    virtual std::vector<std::string> takeHeldCells() { return {}; }
    // The document's body paragraphs as plain text, in reading order (Calc: none).
    virtual std::vector<std::string> paragraphs() = 0;
    // Inserts or replaces the named section's paragraphs; returns where it went.
    virtual std::string writeSection(const std::string& sectionId,
                                     const std::vector<std::string>& paragraphs) = 0;
    // Selects the cell or paragraph text a finding points at.
    virtual void select(const Location& location) = 0;
    // The current text of a section Jixiao wrote (paragraphs joined by '\n'); nullopt when there is none.
    virtual std::optional<std::string> sectionText(const std::string& sectionId) = 0;
    // Writes the section over the body paragraphs [first, first + count) — an earlier copy whose anchor was
    // lost (core/write/section_place.hpp) — and anchors it again. False, nothing written, when it cannot (a
    // host without paragraphs, a table between them).
    virtual bool adoptSection(const std::string& /*sectionId*/,
                              const std::vector<std::string>& /*paragraphs*/, int /*first*/, int /*count*/) {
        return false;
    }
    // The index among paragraphs() where writeSection would start a new section; -1 when unknown.
    virtual int sectionInsertionParagraph() { return -1; }
};

// Throws UserError ("error.not-writer-or-calc") for anything but a Writer or Calc document.
std::unique_ptr<DocumentHost>
makeDocumentHost(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XModel>& model);

std::unique_ptr<DocumentHost> makeWriterHost(const css::uno::Reference<css::frame::XModel>& model);
std::unique_ptr<DocumentHost> makeCalcHost(const css::uno::Reference<css::frame::XModel>& model);

} // namespace jixiao::office
