#include "uno/panel/sidebar_panel.hpp"

#include "uno/base/extension_data.hpp"
#include "uno/base/log.hpp"
#include "uno/base/settings.hpp"
#include "uno/base/ustring.hpp"
#include "uno/host/operations.hpp"
#include "uno/host/roll_forward.hpp"
#include "uno/live/document_controller.hpp"
#include "uno/panel/about.hpp"
#include "uno/panel/control_listener.hpp"
#include "uno/panel/deck_status.hpp"
#include "uno/panel/help_guide.hpp"

#include "core/model/grade_bands.hpp"

#include <com/sun/star/awt/FontDescriptor.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XItemList.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/style/VerticalAlignment.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <cppuhelper/implbase1.hxx>

#include <algorithm>
#include <map>

using namespace css;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace jixiao::office {
namespace {

constexpr int kFindingLines = 6; // the findings list shows six; it scrolls for more

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

// Tells the panel when the sidebar gives its window a size other than the one it asked the height for (the
// deck's scroll bar comes and goes after getHeightForWidth).
class ResizeListener : public cppu::WeakImplHelper1<awt::XWindowListener> {
public:
    explicit ResizeListener(std::function<void(int)> onWidth) : onWidth_(std::move(onWidth)) {}
    void SAL_CALL windowResized(const awt::WindowEvent& event) override {
        if (onWidth_)
            onWidth_(event.Width);
    }
    void SAL_CALL windowMoved(const awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const lang::EventObject&) override {}
    void SAL_CALL windowHidden(const lang::EventObject&) override {}
    void SAL_CALL disposing(const lang::EventObject&) override { onWidth_ = nullptr; }
    void detach() { onWidth_ = nullptr; }

private:
    std::function<void(int)> onWidth_;
};

} // namespace

SidebarPanel::SidebarPanel(const Reference<uno::XComponentContext>& context, const OUString& resourceUrl,
                           const Reference<frame::XFrame>& frame, const Reference<awt::XWindow>& parent,
                           const Reference<ui::XSidebar>& sidebar)
    : cppu::WeakComponentImplHelper3<ui::XUIElement, ui::XToolPanel, ui::XSidebarPanel>(m_aMutex),
      context_(context), resourceUrl_(resourceUrl), part_(partOf(resourceUrl)), frame_(frame),
      sidebar_(sidebar) {
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
    rtl::Reference<ResizeListener> resized(new ResizeListener([this](int width) {
        if (width > 0 && width != lastWidth_) {
            lastWidth_ = width;
            relayout();
        }
    }));
    window_->addWindowListener(resized.get());
    detachers_.push_back([window = window_, resized] {
        window->removeWindowListener(resized.get());
        resized->detach();
    });
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

SidebarPanel::Part SidebarPanel::partOf(const OUString& resourceUrl) {
    const OUString name = resourceUrl.copy(resourceUrl.lastIndexOf('/') + 1);
    if (name == "ReportPanel")
        return Part::Report;
    if (name == "MainPanel") // the deck's first panel kept its id: 打分表
        return Part::Table;
    if (name == "ChecksPanel")
        return Part::Checks;
    if (name == "SectionsPanel")
        return Part::Sections;
    if (name == "StatusPanel")
        return Part::Status;
    throw lang::IllegalArgumentException("Jixiao panel: no panel named " + name, {}, 0);
}

void SidebarPanel::build() {
    const bool readOnly = Operations::isReadOnly(model());
    switch (part_) {
    case Part::Report:
        buildReport(readOnly);
        break;
    case Part::Table:
        buildTable(readOnly);
        break;
    case Part::Checks:
        buildChecks(readOnly);
        break;
    case Part::Sections:
        buildSections(readOnly);
        break;
    case Part::Status:
        buildStatus();
        break;
    }
    if (part_ == Part::Table || part_ == Part::Checks) {
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
    }
    if (readOnly && part_ == Part::Table)
        setStatus(ExtensionData::get(context_).text("panel.read-only"));
    lastWidth_ = 280;
    lastHeight_ = layout_.arrange(lastWidth_);
}

// 模板, 新建评价报告 / 从上年报告开始, then the report's details (kept as the document's properties: they
// name the table's caption and feed the narrative) and 保存报告信息.
void SidebarPanel::buildReport(bool readOnly) {
    const auto& data = ExtensionData::get(context_);
    // Each label is made before its control: the accessibility tree names a control after the label that
    // precedes it, which is what a screen reader announces (and what the UI tests find it by).
    auto templateLabel = addControl("FixedText", "TemplateLabel",
                                    {{"Label", Any(fromUtf8(data.text("panel.template")))},
                                     {"VerticalAlign", Any(style::VerticalAlignment_MIDDLE)}});
    templates_ = add<awt::XListBox>("ListBox", "Templates",
                                    {{"Dropdown", Any(true)}, {"LineCount", Any(sal_Int16(8))}});
    layout_.addRow({templateLabel, Reference<awt::XControl>(templates_, UNO_QUERY)}, {0, 1});
    // The chosen template's name whole, wrapped under the chooser: the names run to 28 characters, which the
    // sidebar's default width cuts in the box (as the findings list's lines are, shown whole under it too).
    templateName_ = add<awt::XFixedText>("FixedText", "TemplateName",
                                         {{"MultiLine", Any(true)}, {"Label", Any(OUString())}});
    layout_.addText(Reference<awt::XControl>(templateName_, UNO_QUERY));
    fillTemplates();
    onItemChanged(templates_, [this] {
        guarded([&] {
            showTemplateName(toUtf8(templates_->getSelectedItem()));
            deck_status::setTemplate(frame_, selectedItem(templates_, templateIds_));
        });
    });
    // Both start a report (the second opens a new document, so it works on a read-only one too).
    auto insertReport = addButton("InsertReport", "panel.insert-report", [this] { onInsertReport(); });
    auto rollForward = addButton("RollForward", "panel.roll-forward", [this] { onRollForward(); });
    layout_.addRow({insertReport, rollForward});
    for (std::size_t i = 0; i < metadata_.size(); ++i) {
        const auto& [name, key] = kMetadataFields[i];
        auto fieldLabel = addControl("FixedText", OUString::createFromAscii(name) + "Label",
                                     {{"Label", Any(fromUtf8(data.text(key)))},
                                      {"VerticalAlign", Any(style::VerticalAlignment_MIDDLE)}});
        metadata_[i] =
            add<awt::XTextComponent>("Edit", OUString::createFromAscii(name), {{"Text", Any(OUString())}});
        layout_.addRow({fieldLabel, Reference<awt::XControl>(metadata_[i], UNO_QUERY)}, {0, 1});
    }
    auto saveMetadata = addButton("SaveMetadata", "panel.save-metadata", [this] { onSaveMetadata(); });
    layout_.addRow({saveMetadata});
    for (const auto& control : {insertReport, saveMetadata})
        modelProps(control)->setPropertyValue("Enabled", Any(!readOnly));
    fillMetadata();
}

// 插入打分表 / 插入资金明细表, the summary (总分 and 等级 in bold above the rest), 实时重算 / 重算,
// 转为实时表格.
void SidebarPanel::buildTable(bool readOnly) {
    const auto& data = ExtensionData::get(context_);
    auto insertScore =
        addButton("InsertScoreTable", "panel.insert-score-table", [this] { onInsertScoreTable(); });
    auto insertFunding =
        addButton("InsertFundingTable", "panel.insert-funding-table", [this] { onInsertFundingTable(); });
    layout_.addRow({insertScore, insertFunding});
    awt::FontDescriptor bold;
    bold.Weight = awt::FontWeight::BOLD;
    summaryTotal_ = add<awt::XFixedText>(
        "FixedText", "SummaryTotal",
        {{"MultiLine", Any(true)}, {"Label", Any(OUString())}, {"FontDescriptor", Any(bold)}});
    layout_.addText(Reference<awt::XControl>(summaryTotal_, UNO_QUERY));
    summary_ =
        add<awt::XFixedText>("FixedText", "Summary", {{"MultiLine", Any(true)}, {"Label", Any(OUString())}});
    layout_.addText(Reference<awt::XControl>(summary_, UNO_QUERY));
    live_ = add<awt::XCheckBox>("CheckBox", "LiveRecompute",
                                {{"Label", Any(fromUtf8(data.text("panel.live-recompute")))},
                                 {"State", Any(sal_Int16(Settings::liveRecompute(context_) ? 1 : 0))}});
    onItemChanged(live_, [this] { onLiveToggled(); });
    auto recompute = addButton("Recompute", "panel.recompute", [this] { onRecompute(); });
    layout_.addRow({Reference<awt::XControl>(live_, UNO_QUERY), recompute}, {1, 0});
    auto convert = addButton("ConvertToLive", "panel.convert", [this] { onConvertToLive(); });
    layout_.addRow({convert});
    for (const auto& control : {insertScore, insertFunding, convert, recompute})
        modelProps(control)->setPropertyValue("Enabled", Any(!readOnly));
}

// 校验 / 添加为批注, the findings, and the chosen finding whole under them.
void SidebarPanel::buildChecks(bool readOnly) {
    const auto& data = ExtensionData::get(context_);
    auto validate = addButton("Validate", "panel.validate", [this] { onValidate(); });
    auto addComments = addButton("AddComments", "panel.add-comments", [this] { onAddComments(); });
    layout_.addRow({validate, addComments});
    modelProps(addComments)->setPropertyValue("Enabled", Any(!readOnly));
    findings_ = add<awt::XListBox>("ListBox", "Findings",
                                   {{"Dropdown", Any(false)},
                                    {"LineCount", Any(sal_Int16(kFindingLines))},
                                    {"HelpText", Any(fromUtf8(data.text("panel.findings-help")))}});
    onItemChanged(findings_, [this] { onFindingChosen(); });
    layout_.addList(Reference<awt::XControl>(findings_, UNO_QUERY), kFindingLines);
    // The chosen finding whole, wrapped: a list line is cut at the deck's width. Fixed text, which screen
    // readers read whole (a multi-line edit's text is not in the accessibility tree); the tooltip holds it
    // too.
    findingDetail_ = add<awt::XFixedText>("FixedText", "FindingDetail",
                                          {{"MultiLine", Any(true)}, {"Label", Any(OUString())}});
    layout_.addText(Reference<awt::XControl>(findingDetail_, UNO_QUERY));
}

void SidebarPanel::buildSections(bool readOnly) {
    const auto& data = ExtensionData::get(context_);
    sectionIds_ = Operations::sectionIds();
    std::vector<std::string> sectionNames;
    for (const auto& id : sectionIds_)
        sectionNames.push_back(data.text("section." + id));
    sections_ = add<awt::XListBox>("ListBox", "Sections",
                                   {{"Dropdown", Any(true)},
                                    {"StringItemList", Any(toSequence(sectionNames))},
                                    {"SelectedItems", Any(sequenceOf(sal_Int16(0)))}});
    auto generate = addButton("GenerateSection", "panel.generate-section", [this] { onGenerateSection(); });
    layout_.addRow({Reference<awt::XControl>(sections_, UNO_QUERY), generate}, {1, 0});
    modelProps(generate)->setPropertyValue("Enabled", Any(!readOnly));
}

// The status line every panel's actions write to, 帮助, and the About line (versions for a bug report).
void SidebarPanel::buildStatus() {
    status_ =
        add<awt::XFixedText>("FixedText", "Status", {{"MultiLine", Any(true)}, {"Label", Any(OUString())}});
    layout_.addText(Reference<awt::XControl>(status_, UNO_QUERY));
    auto help = addButton("Help", "panel.help", [this] { onHelp(); });
    layout_.addRow({help});
    auto about = addControl("FixedText", "About",
                            {{"MultiLine", Any(true)}, {"Label", Any(fromUtf8(aboutLine(context_)))}});
    layout_.addText(about);
    uno::WeakReference<ui::XUIElement> weak(Reference<ui::XUIElement>(this));
    statusObserverId_ = deck_status::addObserver(frame_, [weak] {
        Reference<ui::XUIElement> alive(weak);
        if (alive.is())
            static_cast<SidebarPanel*>(alive.get())->showStatus();
    });
    const auto shown = deck_status::get(frame_);
    modelProps(status_)->setPropertyValue("Label", Any(fromUtf8(shown.text)));
    modelProps(status_)->setPropertyValue("HelpText",
                                          Any(fromUtf8(shown.detail.empty() ? shown.text : shown.detail)));
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
    // The deck opens on the template chosen in this window before (the sidebar makes panels anew), else the
    // one chosen in Tools ▸ Options ▸ 绩效评价 (the first when it names none installed).
    auto preferred = std::find(templateIds_.begin(), templateIds_.end(), deck_status::chosenTemplate(frame_));
    if (preferred == templateIds_.end())
        preferred = std::find(templateIds_.begin(), templateIds_.end(), Settings::defaultTemplate(context_));
    const auto chosen = preferred == templateIds_.end() ? 0 : std::size_t(preferred - templateIds_.begin());
    modelProps(templates_)->setPropertyValue("SelectedItems", Any(sequenceOf(sal_Int16(chosen))));
    showTemplateName(names[chosen]);
}

void SidebarPanel::showTemplateName(const std::string& name) {
    // The tooltip too: it is what a pointer resting on the cut box shows.
    modelProps(templates_)->setPropertyValue("HelpText", Any(fromUtf8(name)));
    setLabel(templateName_, name);
}

void SidebarPanel::relayout() {
    if (isDisposed() || lastWidth_ == 0)
        return;
    const int height = layout_.arrange(lastWidth_);
    if (height != lastHeight_) {
        lastHeight_ = height;
        if (sidebar_.is())
            sidebar_->requestLayout(); // asks getHeightForWidth again: the panel grows or shrinks
    }
}

ui::LayoutSize SAL_CALL SidebarPanel::getHeightForWidth(sal_Int32 width) {
    if (isDisposed())
        return {0, 0, 0};
    // The sidebar asks for the deck's width, then may give the window less (the deck's scroll bar): the
    // controls are placed at the window's own width when it has one, and the height asked for covers both.
    int height = layout_.arrange(width);
    lastWidth_ = width;
    if (const int placed = window_->getPosSize().Width; placed > 0 && placed != width) {
        height = std::max(height, layout_.arrange(placed));
        lastWidth_ = placed;
    }
    lastHeight_ = height;
    return {height, height, height};
}

sal_Int32 SAL_CALL SidebarPanel::getMinimalWidth() {
    // The sidebar widens itself to this when the deck opens; the deck's vertical scroll bar, when the panels
    // are taller than the window, then takes its width from the panels: it is asked for too.
    return isDisposed() ? 0 : layout_.minimalWidth() + layout_.scrollBarAllowance();
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
    if (statusObserverId_ != 0)
        deck_status::removeObserver(statusObserverId_);
    statusObserverId_ = 0;
    controller_.clear();
    layout_.clear();
    templates_.clear();
    templateName_.clear();
    metadata_ = {};
    summaryTotal_.clear();
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

std::string SidebarPanel::chosenTemplate() const {
    const auto& templates = ExtensionData::get(context_).templates;
    for (const auto& id : {deck_status::chosenTemplate(frame_), Settings::defaultTemplate(context_)})
        if (std::any_of(templates.begin(), templates.end(), [&](const auto& t) { return t.id == id; }))
            return id;
    return templates.empty() ? std::string{} : templates.front().id;
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
    if (frame_.is())
        deck_status::set(frame_, {text, detail}); // the 状态 panel shows it
}

void SidebarPanel::showStatus() {
    if (isDisposed() || !status_.is())
        return;
    const auto shown = deck_status::get(frame_);
    modelProps(status_)->setPropertyValue("HelpText",
                                          Any(fromUtf8(shown.detail.empty() ? shown.text : shown.detail)));
    setLabel(status_, shown.text);
}

void SidebarPanel::setLabel(const Reference<awt::XFixedText>& label, const std::string& text) {
    modelProps(label)->setPropertyValue("Label", Any(fromUtf8(text)));
    if (!layout_.keepsPlace(Reference<awt::XControl>(label, UNO_QUERY)))
        relayout(); // a longer text needs more lines, a shorter one fewer
}

void SidebarPanel::showFindingDetail(const std::string& text) {
    modelProps(findingDetail_)->setPropertyValue("HelpText", Any(fromUtf8(text)));
    setLabel(findingDetail_, text);
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
        if (summary_.is()) // 打分表 shows the summary; 校验结果 only the findings
            showSummary(*controller);
        if (!findings_.is())
            return;
        showFindings(controller->findingLines());
    });
}

void SidebarPanel::showFindings(std::vector<std::string> lines) {
    if (lines == shownFindings_)
        return;
    const Reference<awt::XItemList> items(Reference<awt::XControl>(findings_, UNO_QUERY_THROW)->getModel(),
                                          UNO_QUERY);
    if (!items.is()) {
        modelProps(findings_)->setPropertyValue("StringItemList", Any(toSequence(lines)));
        shownFindings_ = std::move(lines);
        showFindingDetail({}); // the list's choice went with its lines
        return;
    }
    // Only the lines between the unchanged head and tail: a keystroke adds, drops or rewords a line or two of
    // a list that may hold hundreds (a finding comes or goes in document order, shifting the lines below it),
    // and replacing them all made the list the dearest step of a keystroke at 200 indicators.
    const auto chosen = findings_->getSelectedItemPos(); // before the lines below it move
    const auto& shown = shownFindings_;
    std::size_t head = 0;
    while (head < lines.size() && head < shown.size() && lines[head] == shown[head])
        ++head;
    std::size_t tail = 0;
    while (tail < lines.size() - head && tail < shown.size() - head &&
           lines[lines.size() - 1 - tail] == shown[shown.size() - 1 - tail])
        ++tail;
    const std::size_t oldEnd = shown.size() - tail;
    const std::size_t newEnd = lines.size() - tail;
    const std::size_t rewritten = std::min(oldEnd, newEnd);
    for (std::size_t i = head; i < rewritten; ++i)
        items->setItemText(sal_Int32(i), fromUtf8(lines[i]));
    for (std::size_t i = oldEnd; i > newEnd; --i)
        items->removeItem(sal_Int32(i - 1));
    for (std::size_t i = oldEnd; i < newEnd; ++i)
        items->insertItemText(sal_Int32(i), fromUtf8(lines[i]));
    // The line chosen says something else now, moved or went: its detail would not match it.
    const bool chosenChanged = chosen >= 0 && std::size_t(chosen) >= head;
    shownFindings_ = std::move(lines);
    if (chosenChanged) {
        findings_->selectItemPos(chosen, false);
        showFindingDetail({});
    }
}

void SidebarPanel::showSummary(DocumentController& controller) {
    const auto summary = controller.summaryText();
    // The controller's notices (a computed cell put back, …) go to the status line once, from 打分表.
    if (const auto [serial, notice] = controller.notice(); serial > noticeSeen_) {
        noticeSeen_ = serial;
        setStatus(notice);
    }
    // 总分 and 等级 in bold on their own; what follows them under it.
    const auto lineEnd = summary.find('\n');
    std::string total = summary.substr(0, lineEnd);
    const auto restStart = summary.find_first_not_of('\n', lineEnd); // the blank line under it goes
    std::string rest = restStart == std::string::npos ? std::string{} : summary.substr(restStart);
    // Each label only when its own text changed: the same text at the same width needs the same height, and
    // measuring a label is a text layout (0.15 ms) that a keystroke changing only one of them need not pay.
    if (total != shownSummary_.first) {
        setLabel(summaryTotal_, total);
        shownSummary_.first = std::move(total);
    }
    if (rest != shownSummary_.second) {
        setLabel(summary_, rest);
        shownSummary_.second = std::move(rest);
    }
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
        Operations(context_).insertScoreTable(model(), chosenTemplate());
        setStatus(data.text("status.score-table-inserted"));
        refreshSummary();
    });
}

void SidebarPanel::onInsertFundingTable() {
    guarded([&] {
        Operations(context_).insertFundingTable(model());
        setStatus(ExtensionData::get(context_).text("status.funding-table-inserted"));
        refreshSummary();
    });
}

// 新建评价报告 from the chosen template's framework: the status says how many parts are left to fill.
void SidebarPanel::onInsertReport() {
    guarded([&] {
        const int left = Operations(context_).insertReport(model(), selectedItem(templates_, templateIds_));
        deck_status::setTemplate(frame_, selectedItem(templates_, templateIds_));
        setStatus(
            ExtensionData::get(context_).text("status.report-inserted", {{"count", std::to_string(left)}}));
        refreshSummary();
    });
}

void SidebarPanel::onValidate() {
    guarded([&] {
        const auto count = DocumentController::forModel(context_, model())->validateNow();
        setStatus(count == 0 ? ExtensionData::get(context_).text("status.validated-none")
                             : ExtensionData::get(context_).text("status.validated",
                                                                 {{"count", std::to_string(count)}}));
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
        setStatus(data.text("status.section-inserted", {{"section", data.text("section." + section)}}));
        refreshSummary();
    });
}

void SidebarPanel::onConvertToLive() {
    guarded([&] {
        Operations(context_).convertToLiveTable(model());
        setStatus(ExtensionData::get(context_).text("status.converted"));
        refreshSummary();
    });
}

void SidebarPanel::onRollForward() {
    guarded([&] { jixiao::office::rollForward(context_, model()); }); // the new document opens with its deck
}

void SidebarPanel::onRecompute() {
    guarded([&] {
        // Re-grading with the options' bands changes the grade only (core/derive/regrade_plan.hpp): 重算 goes
        // on after it, as a step of its own, so a stale 扣分 or 执行率 is not left for a second click.
        std::string said;
        const bool regraded = regradeAsked(said);
        const int written = DocumentController::forModel(context_, model())->recompute(false);
        const auto& data = ExtensionData::get(context_);
        if (regraded && written == 0) {
            setStatus(said);
            return;
        }
        setStatus(said + (written == 0
                              ? data.text("status.recomputed-none")
                              : data.text("status.recomputed", {{"count", std::to_string(written)}})));
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

void SidebarPanel::onHelp() {
    if (!openHelpGuide(context_))
        setStatus(ExtensionData::get(context_).text("status.help-failed"));
}

bool SidebarPanel::regradeAsked(std::string& said) {
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
        said = data.text("status.bands-kept", {{"bands", stored}});
        return false; // 重算 goes on with the report's own bands
    }
    const auto now = operations.regradeWithOptions(document);
    said = data.text("status.regraded", {{"bands", now}});
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
