#include "uno/sidebar_panel.hpp"

#include "uno/control_listener.hpp"
#include "uno/document_controller.hpp"
#include "uno/extension_data.hpp"
#include "uno/operations.hpp"
#include "uno/settings.hpp"
#include "uno/ustring.hpp"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/util/XModifiable.hpp>

#include <algorithm>
#include <map>
#include <numeric>

using namespace css;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

constexpr int kMargin = 6;
constexpr int kGap = 4;
constexpr int kLine = 26;
constexpr int kTextLine = 17;
constexpr int kSummaryLines = 7; // total, four 一级, execution rate, open findings

// Edit field name → label key, in the order the panel shows them.
const std::pair<const char*, std::string> kMetadataFields[] = {
    {"MetaUnit", "panel.meta-unit"},     {"MetaProject", "panel.meta-project"},
    {"MetaYear", "panel.meta-year"},     {"MetaBudget", "panel.meta-budget"},
    {"MetaActual", "panel.meta-actual"},
};

uno::Sequence<OUString> toSequence(const std::vector<std::string>& items) {
    uno::Sequence<OUString> result(static_cast<sal_Int32>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i)
        result[static_cast<sal_Int32>(i)] = fromUtf8(items[i]);
    return result;
}

Reference<beans::XPropertySet> modelProps(const Reference<awt::XControl>& control) {
    return Reference<beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW);
}

} // namespace

SidebarPanel::SidebarPanel(const Reference<uno::XComponentContext>& context, const OUString& resourceUrl,
                           const Reference<frame::XFrame>& frame, const Reference<awt::XWindow>& parent,
                           const Reference<ui::XSidebar>& sidebar)
    : context_(context), resourceUrl_(resourceUrl), frame_(frame), sidebar_(sidebar) {
    // A control container owns the panel's controls: adding a control to it creates the control's peer, and
    // disposing it disposes them all.
    auto factory = context_->getServiceManager();
    container_.set(factory->createInstanceWithContext("com.sun.star.awt.UnoControlContainer", context_),
                   UNO_QUERY_THROW);
    Reference<awt::XControl> control(container_, UNO_QUERY_THROW);
    control->setModel(Reference<awt::XControlModel>(
        factory->createInstanceWithContext("com.sun.star.awt.UnoControlContainerModel", context_),
        UNO_QUERY_THROW));
    Reference<awt::XToolkit> toolkit(factory->createInstanceWithContext("com.sun.star.awt.Toolkit", context_),
                                     UNO_QUERY_THROW);
    control->createPeer(toolkit, Reference<awt::XWindowPeer>(parent, UNO_QUERY_THROW));
    window_.set(control, UNO_QUERY_THROW);
    window_->setVisible(true);
    build();
}

sal_Int16 SAL_CALL SidebarPanel::getType() {
    return ui::UIElementType::TOOLPANEL;
}

Reference<uno::XInterface> SAL_CALL SidebarPanel::getRealInterface() {
    return static_cast<cppu::OWeakObject*>(this);
}

Reference<accessibility::XAccessible>
    SAL_CALL SidebarPanel::createAccessible(const Reference<accessibility::XAccessible>&) {
    return Reference<accessibility::XAccessible>(window_, UNO_QUERY);
}

Reference<awt::XControl>
SidebarPanel::addControl(const OUString& kind, const OUString& name,
                         std::initializer_list<std::pair<OUString, Any>> properties) {
    auto factory = context_->getServiceManager();
    Reference<awt::XControlModel> model(
        factory->createInstanceWithContext("com.sun.star.awt.UnoControl" + kind + "Model", context_),
        UNO_QUERY_THROW);
    Reference<beans::XPropertySet> props(model, UNO_QUERY_THROW);
    for (const auto& [property, value] : properties)
        props->setPropertyValue(property, value);
    Reference<awt::XControl> control(
        factory->createInstanceWithContext("com.sun.star.awt.UnoControl" + kind, context_), UNO_QUERY_THROW);
    control->setModel(model);
    container_->addControl(name, control);
    named_.emplace_back(name, control);
    return control;
}

Reference<awt::XControl> SidebarPanel::addButton(const OUString& name, const std::string& labelKey,
                                                 std::function<void()> onClick) {
    const auto& data = ExtensionData::get(context_);
    auto button = addControl("Button", name, {{"Label", Any(fromUtf8(data.text(labelKey)))}});
    Reference<awt::XButton>(button, UNO_QUERY_THROW)
        ->addActionListener(new ControlListener(std::move(onClick)));
    return button;
}

void SidebarPanel::build() {
    const auto& data = ExtensionData::get(context_);
    const bool readOnly = Operations::isReadOnly(model());
    auto label = [&](const OUString& name, const std::string& key) {
        return addControl("FixedText", name, {{"Label", Any(fromUtf8(data.text(key)))}});
    };

    rows_.push_back(
        {{label("TemplateLabel", "panel.template"),
          addControl("ListBox", "Templates", {{"Dropdown", Any(true)}, {"LineCount", Any(sal_Int16(8))}})},
         {1, 3},
         kLine});
    fillTemplates();
    if (auto templates = control("Templates"); templates.is())
        Reference<awt::XListBox>(templates, UNO_QUERY_THROW)->addItemListener(new ControlListener([this] {
            guarded([&] {
                auto chosen = control("Templates");
                modelProps(chosen)->setPropertyValue(
                    "HelpText", Any(Reference<awt::XListBox>(chosen, UNO_QUERY_THROW)->getSelectedItem()));
            });
        }));
    auto insertScore =
        addButton("InsertScoreTable", "panel.insert-score-table", [this] { onInsertScoreTable(); });
    auto insertFunding =
        addButton("InsertFundingTable", "panel.insert-funding-table", [this] { onInsertFundingTable(); });
    rows_.push_back({{insertScore, insertFunding}, {1, 1}, kLine});

    // Report metadata, kept as the document's properties: it names the table's caption and feeds the
    // narrative.
    for (const auto& [name, key] : kMetadataFields)
        rows_.push_back({{label(OUString::createFromAscii(name) + "Label", key),
                          addControl("Edit", OUString::createFromAscii(name), {{"Text", Any(OUString())}})},
                         {1, 1},
                         kLine});
    auto saveMetadata = addButton("SaveMetadata", "panel.save-metadata", [this] { onSaveMetadata(); });
    rows_.push_back({{saveMetadata}, {1}, kLine});

    rows_.push_back(
        {{addControl("FixedText", "Summary", {{"MultiLine", Any(true)}, {"Label", Any(OUString())}})},
         {1},
         kSummaryLines * kTextLine});

    auto validate = addButton("Validate", "panel.validate", [this] { onValidate(); });
    auto convert = addButton("ConvertToLive", "panel.convert", [this] { onConvertToLive(); });
    rows_.push_back({{validate, convert}, {1, 1}, kLine});
    auto findings =
        addControl("ListBox", "Findings",
                   {{"Dropdown", Any(false)}, {"HelpText", Any(fromUtf8(data.text("panel.findings-help")))}});
    Reference<awt::XListBox>(findings, UNO_QUERY_THROW)->addItemListener(new ControlListener([this] {
        onFindingChosen();
    }));
    rows_.push_back({{findings}, {1}, 140});

    sectionIds_ = Operations::sectionIds();
    std::vector<std::string> sectionNames;
    for (const auto& id : sectionIds_)
        sectionNames.push_back(data.text("section." + id));
    auto sections = addControl("ListBox", "Sections",
                               {{"Dropdown", Any(true)},
                                {"StringItemList", Any(toSequence(sectionNames))},
                                {"SelectedItems", Any(sequenceOf(sal_Int16(0)))}});
    auto generate = addButton("GenerateSection", "panel.generate-section", [this] { onGenerateSection(); });
    rows_.push_back({{sections, generate}, {3, 2}, kLine});

    auto live = addControl("CheckBox", "LiveRecompute",
                           {{"Label", Any(fromUtf8(data.text("panel.live-recompute")))},
                            {"State", Any(sal_Int16(Settings::liveRecompute(context_) ? 1 : 0))}});
    Reference<awt::XCheckBox>(live, UNO_QUERY_THROW)->addItemListener(new ControlListener([this] {
        onLiveToggled();
    }));
    auto recompute = addButton("Recompute", "panel.recompute", [this] { onRecompute(); });
    rows_.push_back({{live, recompute}, {3, 2}, kLine});
    rows_.push_back(
        {{addControl("FixedText", "Status", {{"MultiLine", Any(true)}, {"Label", Any(OUString())}})},
         {1},
         3 * 16});

    for (const auto& control : {insertScore, insertFunding, generate, saveMetadata, convert, recompute})
        modelProps(control)->setPropertyValue("Enabled", Any(!readOnly));
    if (readOnly)
        setStatus(data.text("panel.read-only"));
    fillMetadata();
    if (auto document = model(); document.is())
        observerId_ =
            DocumentController::forModel(context_, document).addObserver([this] { refreshSummary(); });
    refreshSummary();
    layout(280);
}

void SidebarPanel::fillTemplates() {
    const auto& data = ExtensionData::get(context_);
    templateIds_.clear();
    std::vector<std::string> names;
    for (const auto& t : data.templates) {
        templateIds_.push_back(t.id);
        names.push_back(data.lang == "zh-CN" ? t.nameZh : t.nameEn);
    }
    for (const auto& [name, control] : named_)
        if (name == "Templates") {
            modelProps(control)->setPropertyValue("StringItemList", Any(toSequence(names)));
            if (!names.empty()) {
                modelProps(control)->setPropertyValue("SelectedItems", Any(sequenceOf(sal_Int16(0))));
                // The full name as the tooltip: the deck's default width cuts long names off.
                modelProps(control)->setPropertyValue("HelpText", Any(fromUtf8(names.front())));
            }
        }
}

int SidebarPanel::contentHeight() const {
    int height = kMargin;
    for (const auto& row : rows_)
        height += row.height + kGap;
    return height + kMargin;
}

void SidebarPanel::layout(int width) {
    lastWidth_ = width;
    int y = kMargin;
    const int usable = std::max(80, width - 2 * kMargin);
    for (const auto& row : rows_) {
        const int total = std::accumulate(row.weights.begin(), row.weights.end(), 0);
        const int gaps = kGap * static_cast<int>(row.controls.size() - 1);
        int x = kMargin;
        for (std::size_t i = 0; i < row.controls.size(); ++i) {
            const bool last = i + 1 == row.controls.size();
            const int w = last ? kMargin + usable - x : (usable - gaps) * row.weights[i] / total;
            Reference<awt::XWindow>(row.controls[i], UNO_QUERY_THROW)
                ->setPosSize(x, y, w, row.height, awt::PosSize::POSSIZE);
            x += w + kGap;
        }
        y += row.height + kGap;
    }
}

ui::LayoutSize SAL_CALL SidebarPanel::getHeightForWidth(sal_Int32 width) {
    if (width != lastWidth_)
        layout(width);
    const int height = contentHeight();
    return {height, height, height};
}

sal_Int32 SAL_CALL SidebarPanel::getMinimalWidth() {
    return 220;
}

void SAL_CALL SidebarPanel::dispose() {
    try {
        if (auto document = model(); document.is() && observerId_ != 0)
            DocumentController::forModel(context_, document).removeObserver(observerId_);
    } catch (const uno::Exception&) {
        // The document is already gone, and its controller with it.
    }
    observerId_ = 0;
    named_.clear();
    rows_.clear();
    Reference<lang::XComponent> container(container_, UNO_QUERY);
    if (container.is())
        container->dispose();
    container_.clear();
    window_.clear();
}

Reference<frame::XModel> SidebarPanel::model() const {
    if (!frame_.is() || !frame_->getController().is())
        return {};
    return frame_->getController()->getModel();
}

std::string SidebarPanel::selectedItem(const OUString& controlName,
                                       const std::vector<std::string>& ids) const {
    for (const auto& [name, control] : named_)
        if (name == controlName) {
            const sal_Int16 index = Reference<awt::XListBox>(control, UNO_QUERY_THROW)->getSelectedItemPos();
            if (index >= 0 && index < static_cast<sal_Int16>(ids.size()))
                return ids[std::size_t(index)];
        }
    return ids.empty() ? std::string{} : ids.front();
}

void SidebarPanel::setStatus(const std::string& text, const std::string& detail) {
    if (auto status = control("Status"); status.is()) {
        modelProps(status)->setPropertyValue("Label", Any(fromUtf8(text)));
        modelProps(status)->setPropertyValue("HelpText", Any(fromUtf8(detail.empty() ? text : detail)));
    }
}

void SidebarPanel::guarded(const std::function<void()>& action) {
    try {
        action();
    } catch (const UserError& e) {
        setStatus(wordedMessage(context_, e.message())); // the user can fix it: say what, in their language
    } catch (const lang::IllegalArgumentException& e) {
        setStatus(toUtf8(e.Message)); // Jixiao's own refusal: its message is written for the user
    } catch (const uno::Exception& e) {
        // The office's own exceptions carry developer text ("unsatisfied query for interface …", a source
        // line): the user is told what happened in words, the detail goes to the tooltip for a bug report.
        setStatus(ExtensionData::get(context_).text("status.office-error"), toUtf8(e.Message));
    } catch (const std::exception& e) {
        setStatus(wordedMessage(context_, {"error.internal", {{"detail", e.what()}}}));
    }
}

void SidebarPanel::refreshSummary() {
    guarded([&] {
        auto document = model();
        if (!document.is())
            return;
        auto& controller = DocumentController::forModel(context_, document);
        const auto summary = controller.summaryText();
        if (const auto [serial, notice] = controller.notice(); serial > noticeSeen_) {
            noticeSeen_ = serial;
            setStatus(notice);
        }
        for (const auto& [name, control] : named_) {
            if (name == "Summary")
                modelProps(control)->setPropertyValue("Label", Any(fromUtf8(summary)));
            if (name == "Findings")
                modelProps(control)->setPropertyValue("StringItemList",
                                                      Any(toSequence(controller.findingLines())));
        }
    });
}

void SidebarPanel::onInsertScoreTable() {
    guarded([&] {
        const auto& data = ExtensionData::get(context_);
        // Only the first scoring table is read and kept live: a second one is asked for, not slipped in.
        if (Operations(context_).read(model(), false).hasScoreTable &&
            !confirm(data.text("confirm.second-table-title"), data.text("confirm.second-table"))) {
            setStatus(data.text("status.second-table-kept"));
            return;
        }
        const auto name =
            Operations(context_).insertScoreTable(model(), selectedItem("Templates", templateIds_));
        setStatus(ExtensionData::get(context_).text("status.inserted", {{"name", name}}));
        refreshSummary();
    });
}

void SidebarPanel::onInsertFundingTable() {
    guarded([&] {
        const auto name = Operations(context_).insertFundingTable(model());
        setStatus(ExtensionData::get(context_).text("status.inserted", {{"name", name}}));
        refreshSummary();
    });
}

void SidebarPanel::onValidate() {
    guarded([&] {
        auto& controller = DocumentController::forModel(context_, model());
        const auto count = controller.validateNow();
        setStatus(ExtensionData::get(context_).text("status.validated", {{"count", std::to_string(count)}}));
        refreshSummary();
    });
}

void SidebarPanel::onGenerateSection() {
    guarded([&] {
        const auto& data = ExtensionData::get(context_);
        const std::string section = selectedItem("Sections", sectionIds_);
        Operations operations(context_);
        if (operations.isSectionEdited(model(), section) &&
            !confirm(data.text("confirm.section-edited-title"),
                     data.text("confirm.section-edited", {{"section", data.text("section." + section)}}))) {
            setStatus(data.text("status.section-kept"));
            return;
        }
        operations.insertSection(model(), section);
        setStatus(data.text("status.section-inserted"));
        refreshSummary();
    });
}

void SidebarPanel::onConvertToLive() {
    guarded([&] {
        const auto name = Operations(context_).convertToLiveTable(model());
        setStatus(ExtensionData::get(context_).text("status.converted", {{"name", name}}));
        refreshSummary();
    });
}

void SidebarPanel::onRecompute() {
    guarded([&] {
        const int written = DocumentController::forModel(context_, model()).recompute(false);
        setStatus(
            ExtensionData::get(context_).text("status.recomputed", {{"count", std::to_string(written)}}));
    });
}

bool SidebarPanel::confirm(const std::string& title, const std::string& message) {
    Reference<awt::XMessageBoxFactory> boxes(
        context_->getServiceManager()->createInstanceWithContext("com.sun.star.awt.Toolkit", context_),
        UNO_QUERY_THROW);
    Reference<awt::XMessageBox> box = boxes->createMessageBox(
        Reference<awt::XControl>(container_, UNO_QUERY_THROW)->getPeer(), awt::MessageBoxType_QUERYBOX,
        awt::MessageBoxButtons::BUTTONS_YES_NO | awt::MessageBoxButtons::DEFAULT_BUTTON_NO, fromUtf8(title),
        fromUtf8(message));
    return box->execute() == awt::MessageBoxResults::YES;
}

void SidebarPanel::onFindingChosen() {
    guarded([&] {
        for (const auto& [name, control] : named_)
            if (name == "Findings") {
                const sal_Int16 index =
                    Reference<awt::XListBox>(control, UNO_QUERY_THROW)->getSelectedItemPos();
                if (index < 0)
                    continue;
                auto list = Reference<awt::XListBox>(control, UNO_QUERY_THROW);
                // The whole finding as the tooltip: the deck's width cuts long ones off.
                modelProps(control)->setPropertyValue("HelpText", Any(list->getSelectedItem()));
                DocumentController::forModel(context_, model()).selectFinding(index);
                // The user goes on typing where the finding pointed, not into the list.
                if (frame_.is() && frame_->getComponentWindow().is())
                    frame_->getComponentWindow()->setFocus();
            }
    });
}

Reference<awt::XControl> SidebarPanel::control(const OUString& wanted) const {
    for (const auto& [name, item] : named_)
        if (name == wanted)
            return item;
    return {};
}

void SidebarPanel::fillMetadata() {
    guarded([&] {
        auto document = model();
        if (!document.is())
            return;
        const auto data = Operations(context_).read(document);
        const auto& meta = data.card.meta;
        const auto funding = reportFunding(data); // from the prose when the properties are empty
        const std::pair<const char*, std::string> values[] = {
            {"MetaUnit", meta.unit},
            {"MetaProject", meta.project},
            {"MetaYear", meta.year ? std::to_string(*meta.year) : std::string{}},
            {"MetaBudget", funding.budget ? funding.budget->toString(2) : std::string{}},
            {"MetaActual", funding.actual ? funding.actual->toString(2) : std::string{}},
        };
        for (const auto& [name, value] : values)
            if (auto edit = control(OUString::createFromAscii(name)); edit.is()) {
                modelProps(edit)->setPropertyValue("Text", Any(fromUtf8(value)));
                // A long unit or project name does not fit the field: the tooltip shows it whole.
                modelProps(edit)->setPropertyValue("HelpText", Any(fromUtf8(value)));
            }
    });
}

void SidebarPanel::onSaveMetadata() {
    guarded([&] {
        std::map<std::string, std::string> fields;
        for (const auto& [name, key] : kMetadataFields) {
            OUString text;
            auto edit = control(OUString::createFromAscii(name));
            modelProps(edit)->getPropertyValue("Text") >>= text;
            fields[name] = toUtf8(text);
            // The tooltip shows what was typed in full, as fillMetadata's does for what was read.
            modelProps(edit)->setPropertyValue("HelpText", Any(text));
        }
        Operations(context_).saveReportMetadata(model(), fields.at("MetaUnit"), fields.at("MetaProject"),
                                                fields.at("MetaYear"), fields.at("MetaBudget"),
                                                fields.at("MetaActual"));
        setStatus(ExtensionData::get(context_).text("status.metadata-saved"));
        refreshSummary();
    });
}

void SidebarPanel::onLiveToggled() {
    guarded([&] {
        for (const auto& [name, control] : named_)
            if (name == "LiveRecompute") {
                const bool on = Reference<awt::XCheckBox>(control, UNO_QUERY_THROW)->getState() == 1;
                Settings::setLiveRecompute(context_, on);
                // Edits made while it was off are caught up at once, not at the next keystroke.
                if (on && model().is())
                    DocumentController::forModel(context_, model()).liveRecomputeEnabled();
                setStatus(ExtensionData::get(context_).text(on ? "status.live-on" : "status.live-off"));
            }
    });
}

} // namespace jixiao::office
