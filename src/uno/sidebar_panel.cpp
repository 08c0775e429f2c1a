#include "uno/sidebar_panel.hpp"

#include "uno/about.hpp"
#include "uno/control_listener.hpp"
#include "uno/document_controller.hpp"
#include "uno/extension_data.hpp"
#include "uno/log.hpp"
#include "uno/operations.hpp"
#include "uno/roll_forward.hpp"
#include "uno/settings.hpp"
#include "uno/ustring.hpp"

#include "core/grade_bands.hpp"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
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
// total, bands kept, running total, a bad score's cell, four 一级, execution rate, open findings
constexpr int kSummaryLines = 10;
constexpr int kDetailLines = 3; // the chosen finding, wrapped (its tooltip holds it whole)

// Edit field name → label key, in the order the panel shows them.
const std::pair<const char*, std::string> kMetadataFields[] = {
    {"MetaUnit", "panel.meta-unit"},     {"MetaProject", "panel.meta-project"},
    {"MetaYear", "panel.meta-year"},     {"MetaBudget", "panel.meta-budget"},
    {"MetaActual", "panel.meta-actual"},
};

static_assert(std::size(kMetadataFields) == 5, "SidebarPanel::kMetadataFieldCount");

uno::Sequence<OUString> toSequence(const std::vector<std::string>& items) {
    uno::Sequence<OUString> result(static_cast<sal_Int32>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i)
        result[static_cast<sal_Int32>(i)] = fromUtf8(items[i]);
    return result;
}

// The model of a control held through any of its interfaces: tooltips, labels and Enabled live there.
template <typename Interface> Reference<beans::XPropertySet> modelProps(const Reference<Interface>& control) {
    return Reference<beans::XPropertySet>(Reference<awt::XControl>(control, UNO_QUERY_THROW)->getModel(),
                                          UNO_QUERY_THROW);
}

} // namespace

SidebarPanel::SidebarPanel(const Reference<uno::XComponentContext>& context, const OUString& resourceUrl,
                           const Reference<frame::XFrame>& frame, const Reference<awt::XWindow>& parent,
                           const Reference<ui::XSidebar>& sidebar)
    : cppu::WeakComponentImplHelper3<ui::XUIElement, ui::XToolPanel, ui::XSidebarPanel>(m_aMutex),
      context_(context), resourceUrl_(resourceUrl), frame_(frame), sidebar_(sidebar) {
    // build() hands out a weak reference to this panel: hold it meanwhile, so that taking and dropping
    // references does not destroy the panel before the factory holds it (the UNO constructor idiom).
    osl_atomic_increment(&m_refCount);
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
    try {
        build();
    } catch (...) {
        osl_atomic_decrement(&m_refCount);
        throw;
    }
    osl_atomic_decrement(&m_refCount);
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
    return control;
}

Reference<awt::XControl> SidebarPanel::addButton(const OUString& name, const std::string& labelKey,
                                                 std::function<void()> onClick) {
    const auto& data = ExtensionData::get(context_);
    auto control = addControl("Button", name, {{"Label", Any(fromUtf8(data.text(labelKey)))}});
    Reference<awt::XButton> button(control, UNO_QUERY_THROW);
    rtl::Reference<ControlListener> listener(new ControlListener(std::move(onClick)));
    button->addActionListener(listener.get());
    detachers_.push_back([button, listener] {
        button->removeActionListener(listener.get());
        listener->detach();
    });
    return control;
}

template <typename Control>
void SidebarPanel::onItemChanged(const Control& control, std::function<void()> handler) {
    rtl::Reference<ControlListener> listener(new ControlListener(std::move(handler)));
    control->addItemListener(listener.get());
    detachers_.push_back([control, listener] {
        control->removeItemListener(listener.get());
        listener->detach();
    });
}

void SidebarPanel::build() {
    const auto& data = ExtensionData::get(context_);
    const bool readOnly = Operations::isReadOnly(model());
    auto label = [&](const OUString& name, const std::string& key) {
        return addControl("FixedText", name, {{"Label", Any(fromUtf8(data.text(key)))}});
    };

    // Each label is made before its control: the accessibility tree names a control after the label that
    // precedes it, which is what a screen reader announces (and what the UI tests find it by).
    auto templateLabel = label("TemplateLabel", "panel.template");
    templates_ = add<awt::XListBox>("ListBox", "Templates",
                                    {{"Dropdown", Any(true)}, {"LineCount", Any(sal_Int16(8))}});
    rows_.push_back({{templateLabel, Reference<awt::XControl>(templates_, UNO_QUERY)}, {1, 3}, kLine});
    fillTemplates();
    onItemChanged(templates_, [this] {
        guarded([&] {
            modelProps(templates_)->setPropertyValue("HelpText", Any(templates_->getSelectedItem()));
        });
    });
    auto insertScore =
        addButton("InsertScoreTable", "panel.insert-score-table", [this] { onInsertScoreTable(); });
    auto insertFunding =
        addButton("InsertFundingTable", "panel.insert-funding-table", [this] { onInsertFundingTable(); });
    rows_.push_back({{insertScore, insertFunding}, {1, 1}, kLine});
    // 新建评价报告 and 从上年报告开始 share a row: both start a report (the second opens a new document, so
    // it works on a read-only one too).
    auto insertReport = addButton("InsertReport", "panel.insert-report", [this] { onInsertReport(); });
    auto rollForward = addButton("RollForward", "panel.roll-forward", [this] { onRollForward(); });
    rows_.push_back({{insertReport, rollForward}, {1, 1}, kLine});

    // Report metadata, kept as the document's properties: it names the table's caption and feeds the
    // narrative.
    for (std::size_t i = 0; i < metadata_.size(); ++i) {
        const auto& [name, key] = kMetadataFields[i];
        auto fieldLabel = label(OUString::createFromAscii(name) + "Label", key);
        metadata_[i] =
            add<awt::XTextComponent>("Edit", OUString::createFromAscii(name), {{"Text", Any(OUString())}});
        rows_.push_back({{fieldLabel, Reference<awt::XControl>(metadata_[i], UNO_QUERY)}, {1, 1}, kLine});
    }
    auto saveMetadata = addButton("SaveMetadata", "panel.save-metadata", [this] { onSaveMetadata(); });
    rows_.push_back({{saveMetadata}, {1}, kLine});

    summary_ =
        add<awt::XFixedText>("FixedText", "Summary", {{"MultiLine", Any(true)}, {"Label", Any(OUString())}});
    rows_.push_back({{Reference<awt::XControl>(summary_, UNO_QUERY)}, {1}, kSummaryLines * kTextLine});

    auto validate = addButton("Validate", "panel.validate", [this] { onValidate(); });
    auto convert = addButton("ConvertToLive", "panel.convert", [this] { onConvertToLive(); });
    auto addComments = addButton("AddComments", "panel.add-comments", [this] { onAddComments(); });
    rows_.push_back({{validate, addComments, convert}, {2, 3, 4}, kLine});
    findings_ = add<awt::XListBox>(
        "ListBox", "Findings",
        {{"Dropdown", Any(false)}, {"HelpText", Any(fromUtf8(data.text("panel.findings-help")))}});
    onItemChanged(findings_, [this] { onFindingChosen(); });
    rows_.push_back({{Reference<awt::XControl>(findings_, UNO_QUERY)}, {1}, 120});
    // The chosen finding whole, wrapped: a list line is cut at the deck's width. Fixed text, which screen
    // readers read whole (a multi-line edit's text is not in the accessibility tree); the tooltip holds it
    // too.
    findingDetail_ = add<awt::XFixedText>("FixedText", "FindingDetail",
                                          {{"MultiLine", Any(true)}, {"Label", Any(OUString())}});
    rows_.push_back({{Reference<awt::XControl>(findingDetail_, UNO_QUERY)}, {1}, kDetailLines * kTextLine});

    sectionIds_ = Operations::sectionIds();
    std::vector<std::string> sectionNames;
    for (const auto& id : sectionIds_)
        sectionNames.push_back(data.text("section." + id));
    sections_ = add<awt::XListBox>("ListBox", "Sections",
                                   {{"Dropdown", Any(true)},
                                    {"StringItemList", Any(toSequence(sectionNames))},
                                    {"SelectedItems", Any(sequenceOf(sal_Int16(0)))}});
    auto generate = addButton("GenerateSection", "panel.generate-section", [this] { onGenerateSection(); });
    rows_.push_back({{Reference<awt::XControl>(sections_, UNO_QUERY), generate}, {3, 2}, kLine});

    live_ = add<awt::XCheckBox>("CheckBox", "LiveRecompute",
                                {{"Label", Any(fromUtf8(data.text("panel.live-recompute")))},
                                 {"State", Any(sal_Int16(Settings::liveRecompute(context_) ? 1 : 0))}});
    onItemChanged(live_, [this] { onLiveToggled(); });
    auto recompute = addButton("Recompute", "panel.recompute", [this] { onRecompute(); });
    rows_.push_back({{Reference<awt::XControl>(live_, UNO_QUERY), recompute}, {3, 2}, kLine});
    status_ =
        add<awt::XFixedText>("FixedText", "Status", {{"MultiLine", Any(true)}, {"Label", Any(OUString())}});
    rows_.push_back({{Reference<awt::XControl>(status_, UNO_QUERY)}, {1}, 3 * 16});
    auto about = addControl("FixedText", "About", {{"Label", Any(fromUtf8(aboutLine(context_)))}});
    rows_.push_back({{about}, {1}, kLine});

    for (const auto& control :
         {insertScore, insertFunding, insertReport, generate, saveMetadata, convert, recompute, addComments})
        modelProps(control)->setPropertyValue("Enabled", Any(!readOnly));
    if (readOnly)
        setStatus(data.text("panel.read-only"));
    fillMetadata();
    if (auto document = model(); document.is()) {
        controller_ = DocumentController::forModel(context_, document);
        // The count the deck shows is one that was checked: validated on open unless it is current.
        guarded([&] { controller_->ensureValidated(); });
        // Weakly: the controller outlives panels, and a panel already gone is simply not told.
        uno::WeakReference<ui::XUIElement> weak(Reference<ui::XUIElement>(this));
        observerId_ = controller_->addObserver([weak] {
            Reference<ui::XUIElement> alive(weak);
            if (alive.is())
                static_cast<SidebarPanel*>(alive.get())->refreshSummary();
        });
    }
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
    modelProps(templates_)->setPropertyValue("StringItemList", Any(toSequence(names)));
    if (names.empty())
        return;
    // The deck opens on the template chosen in Tools ▸ Options ▸ 绩效评价 (the first when it names none
    // installed).
    const auto preferred =
        std::find(templateIds_.begin(), templateIds_.end(), Settings::defaultTemplate(context_));
    const auto chosen = preferred == templateIds_.end() ? 0 : std::size_t(preferred - templateIds_.begin());
    modelProps(templates_)->setPropertyValue("SelectedItems", Any(sequenceOf(sal_Int16(chosen))));
    // The full name as the tooltip: the deck's default width cuts long names off.
    modelProps(templates_)->setPropertyValue("HelpText", Any(fromUtf8(names[chosen])));
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

void SAL_CALL SidebarPanel::disposing() {
    // Controls first: no event may reach a panel that is letting go of its state.
    for (const auto& detach : detachers_) {
        try {
            detach();
        } catch (const uno::Exception& e) {
            // A control already disposed with its window has dropped its listeners itself.
            JIXIAO_LOG(info, "deck: a control's listener not removed: " << e.Message);
        }
    }
    detachers_.clear();
    if (controller_.is() && observerId_ != 0)
        controller_->removeObserver(observerId_); // a disposed controller has no observers: harmless
    observerId_ = 0;
    controller_.clear();
    rows_.clear();
    templates_.clear();
    metadata_ = {};
    summary_.clear();
    findings_.clear();
    findingDetail_.clear();
    sections_.clear();
    live_.clear();
    status_.clear();
    Reference<lang::XComponent> container(container_, UNO_QUERY);
    container_.clear();
    window_.clear();
    if (container.is())
        container->dispose();
    frame_.clear();
    sidebar_.clear();
}

Reference<frame::XModel> SidebarPanel::model() const {
    if (!frame_.is() || !frame_->getController().is())
        return {};
    return frame_->getController()->getModel();
}

std::string SidebarPanel::selectedItem(const Reference<awt::XListBox>& list,
                                       const std::vector<std::string>& ids) {
    const sal_Int16 index = list.is() ? list->getSelectedItemPos() : -1;
    if (index >= 0 && index < static_cast<sal_Int16>(ids.size()))
        return ids[std::size_t(index)];
    return ids.empty() ? std::string{} : ids.front();
}

void SidebarPanel::setStatus(const std::string& text, const std::string& detail) {
    if (status_.is()) {
        modelProps(status_)->setPropertyValue("Label", Any(fromUtf8(text)));
        modelProps(status_)->setPropertyValue("HelpText", Any(fromUtf8(detail.empty() ? text : detail)));
    }
}

void SidebarPanel::showFindingDetail(const std::string& text) {
    modelProps(findingDetail_)->setPropertyValue("Label", Any(fromUtf8(text)));
    modelProps(findingDetail_)->setPropertyValue("HelpText", Any(fromUtf8(text)));
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
    if (isDisposed())
        return;
    guarded([&] {
        auto document = model();
        if (!document.is())
            return;
        auto controller = DocumentController::forModel(context_, document);
        const auto summary = controller->summaryText();
        if (const auto [serial, notice] = controller->notice(); serial > noticeSeen_) {
            noticeSeen_ = serial;
            setStatus(notice);
        }
        if (summary != shownSummary_) {
            modelProps(summary_)->setPropertyValue("Label", Any(fromUtf8(summary)));
            shownSummary_ = summary;
        }
        if (auto lines = controller->findingLines(); lines != shownFindings_) {
            modelProps(findings_)->setPropertyValue("StringItemList", Any(toSequence(lines)));
            shownFindings_ = std::move(lines);
            showFindingDetail({}); // the list's choice went with its lines
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
            Operations(context_).insertScoreTable(model(), selectedItem(templates_, templateIds_));
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

// 新建评价报告 from the chosen template's framework: the status says how many parts are left to fill.
void SidebarPanel::onInsertReport() {
    guarded([&] {
        const int left = Operations(context_).insertReport(model(), selectedItem(templates_, templateIds_));
        setStatus(
            ExtensionData::get(context_).text("status.report-inserted", {{"count", std::to_string(left)}}));
        refreshSummary();
    });
}

void SidebarPanel::onValidate() {
    guarded([&] {
        const auto count = DocumentController::forModel(context_, model())->validateNow();
        setStatus(ExtensionData::get(context_).text("status.validated", {{"count", std::to_string(count)}}));
        refreshSummary();
    });
}

void SidebarPanel::onGenerateSection() {
    guarded([&] {
        const auto& data = ExtensionData::get(context_);
        const std::string section = selectedItem(sections_, sectionIds_);
        Operations operations(context_);
        if (operations.isSectionEdited(model(), section) &&
            !confirm(data.text("confirm.section-edited-title"),
                     data.text("confirm.section-edited", {{"section", data.text("section." + section)}}))) {
            setStatus(data.text("status.section-kept"));
            return;
        }
        try {
            operations.insertSection(model(), section);
        } catch (const SectionNotFound& notFound) { // not where Jixiao wrote it: a second copy only if wanted
            if (!confirm(data.text("confirm.section-place-title"), data.text(notFound.question))) {
                setStatus(data.text("status.section-not-written"));
                return;
            }
            operations.insertSection(model(), section, true);
        }
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

void SidebarPanel::onRollForward() {
    guarded([&] { jixiao::office::rollForward(context_, model()); }); // the new document opens with its deck
}

void SidebarPanel::onRecompute() {
    guarded([&] {
        std::string kept;
        if (regradeAsked(kept))
            return;
        const int written = DocumentController::forModel(context_, model())->recompute(false);
        setStatus(kept + ExtensionData::get(context_).text("status.recomputed",
                                                           {{"count", std::to_string(written)}}));
    });
}

void SidebarPanel::onAddComments() {
    guarded([&] {
        const int added = Operations(context_).addFindingsAsComments(model());
        setStatus(
            ExtensionData::get(context_).text("status.comments-added", {{"count", std::to_string(added)}}));
        refreshSummary();
    });
}

bool SidebarPanel::regradeAsked(std::string& kept) {
    const auto document = model();
    if (!document.is() || Operations::isReadOnly(document))
        return false;
    Operations operations(context_);
    const auto bands = operations.read(document, false).gradeBands;
    if (!bands.differsFromOptions())
        return false;
    const auto& data = ExtensionData::get(context_);
    const std::string stored = formatGradeBands(bands.bands);
    if (!confirm(data.text("confirm.regrade-title"),
                 data.text("confirm.regrade",
                           {{"stored", stored}, {"options", formatGradeBands(bands.options)}}))) {
        kept = data.text("status.bands-kept", {{"bands", stored}});
        return false; // 重算 goes on with the report's own bands
    }
    const auto now = operations.regradeWithOptions(document);
    setStatus(data.text("status.regraded", {{"bands", now}}));
    refreshSummary();
    return true;
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
        const sal_Int16 index = findings_->getSelectedItemPos();
        if (index < 0)
            return;
        // The whole finding as the tooltip: the deck's width cuts long ones off.
        modelProps(findings_)->setPropertyValue("HelpText", Any(findings_->getSelectedItem()));
        auto controller = DocumentController::forModel(context_, model());
        showFindingDetail(controller->findingDetail(index));
        controller->selectFinding(index);
        // The user goes on typing where the finding pointed, not into the list.
        if (frame_.is() && frame_->getComponentWindow().is())
            frame_->getComponentWindow()->setFocus();
    });
}

void SidebarPanel::fillMetadata() {
    guarded([&] {
        auto document = model();
        if (!document.is())
            return;
        const auto data = Operations(context_).read(document);
        const auto& meta = data.card.meta;
        const auto funding = reportFunding(data); // from the prose when the properties are empty
        // In kMetadataFields' order: MetaUnit, MetaProject, MetaYear, MetaBudget, MetaActual.
        const std::array<std::string, kMetadataFieldCount> values = {
            meta.unit,
            meta.project,
            meta.year ? std::to_string(*meta.year) : std::string{},
            funding.budget ? funding.budget->toString(2) : std::string{},
            funding.actual ? funding.actual->toString(2) : std::string{},
        };
        for (std::size_t i = 0; i < metadata_.size(); ++i) {
            const auto& value = values[i];
            modelProps(metadata_[i])->setPropertyValue("Text", Any(fromUtf8(value)));
            // A long unit or project name does not fit the field: the tooltip shows it whole.
            modelProps(metadata_[i])->setPropertyValue("HelpText", Any(fromUtf8(value)));
        }
    });
}

void SidebarPanel::onSaveMetadata() {
    guarded([&] {
        std::map<std::string, std::string> fields;
        for (std::size_t i = 0; i < metadata_.size(); ++i) {
            const OUString text = metadata_[i]->getText();
            fields[kMetadataFields[i].first] = toUtf8(text);
            // The tooltip shows what was typed in full, as fillMetadata's does for what was read.
            modelProps(metadata_[i])->setPropertyValue("HelpText", Any(text));
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
        const bool on = live_->getState() == 1;
        Settings::setLiveRecompute(context_, on);
        // Edits made while it was off are caught up at once, not at the next keystroke.
        if (on && model().is())
            DocumentController::forModel(context_, model())->liveRecomputeEnabled();
        setStatus(ExtensionData::get(context_).text(on ? "status.live-on" : "status.live-off"));
    });
}

} // namespace jixiao::office
